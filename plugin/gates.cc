/* gates.cc -- wrap every function that has a `pkey' attribute in gates.

   The pass runs before "lower", on the function's high GIMPLE, and turns
     BODY
   into
     ENTRY-GATE (key 1) ... ENTRY-GATE (key n)
     try { BODY } finally { EXIT-GATE (key n) } ... finally { EXIT-GATE (1) }
   Lowering the try/finally (pass "eh") then routes every way out of the
   function through the exit gate: each return, the fall-through, and
   unwinding under -fexceptions.  A call in tail position is no longer in
   tail position, so it cannot skip the exit gate.  Because the gates are in
   the body, a copy of the function inlined elsewhere keeps them.

   A gate reads the key's descriptor, which the runtime fills:
     hw:       saved = RDPKRU; open = rights opened in saved;
	       if (open != saved) WRPKRU (open)		(one asm)
     none:     saved = 0; open = 0	(mode=off, or a key the runtime
					 has not set up yet: no call)
     else:     saved = __pkeyplug_emulate_open (&desc, grant);
	       open = saved ^ (gate kind is emulate)
	       (a cold path: the emulation)
     exit:     if (open != saved)
		 hw:   WRPKRU (saved); SCRUB
		 else: __pkeyplug_emulate_close (&desc, saved)
		       (cold; with scrubbing __pkeyplug_emulate_close_scrub,
		       which also scrubs when SAVED says the grant closed
		       the key)
   A nested hw grant runs RDPKRU, the mask and a compare on entry, and one
   compare on exit.
   SCRUB, on the exit of a grant that closes its key only, calls the
   runtime to clear every call-used register and, with scrub-stack, the
   dead stack (add_scrubbing).  Every PKRU access and the start of the
   exit gate carry a "memory" clobber: without it GCC moves loads of
   protected objects across the gate.

   The passes just before this one check each function's accesses
   (unguarded.cc), guard its non-local exits (guards.cc) and redirect its
   calls of functions that start threads (redirect.cc).  */

#include "compat.h"
#include "pkeyplug-plugin.h"

#define RDPKRU_ASM PKEYPLUG_RDPKRU_BYTES "\t# rdpkru"

/* The gate of one key in the function being instrumented.  */
struct gate
{
  const char *key;
  unsigned grant;
  tree desc;			/* The key's descriptor.  */
  tree mode;			/* Its gate kind, read once on entry.  */
  tree saved;			/* PKRU, or the emulation token, on entry.  */
  tree opened;			/* PKRU with the key opened (hw).  */
};

/* VALUE = RDPKRU.  */

static gasm *
build_rdpkru (tree value)
{
  vec<tree, va_gc> *in = NULL, *out = NULL, *clob = NULL;
  vec_safe_push (out, pkeyplug_asm_operand ("=a", value));
  vec_safe_push (in, pkeyplug_asm_operand ("c", build_zero_cst
					      (unsigned_type_node)));
  vec_safe_push (clob, pkeyplug_asm_clobber ("dx"));
  return pkeyplug_barrier_asm (RDPKRU_ASM, in, out, clob);
}

/* WRPKRU (VALUE).  */

static gasm *
build_wrpkru (tree value)
{
  vec<tree, va_gc> *in = NULL;
  vec_safe_push (in, pkeyplug_asm_operand ("a", value));
  vec_safe_push (in, pkeyplug_asm_operand ("c", build_zero_cst
					      (unsigned_type_node)));
  vec_safe_push (in, pkeyplug_asm_operand ("d", build_zero_cst
					      (unsigned_type_node)));
  return pkeyplug_barrier_asm (WRPKRU_ASM, in, NULL, NULL);
}

/* The runtime entry NAME of type TYPE, called on the gates' cold path:
   calls of a cold function let GCC move the path out of the function's
   hot part (-freorder-blocks-and-partition).  */

static tree
cold_runtime_function (const char *name, tree type)
{
  tree fn = pkeyplug_runtime_function (name, type);
  if (!lookup_attribute ("cold", DECL_ATTRIBUTES (fn)))
    DECL_ATTRIBUTES (fn) = tree_cons (get_identifier ("cold"), NULL_TREE,
				      DECL_ATTRIBUTES (fn));
  return fn;
}

static tree
emulate_open_fn (void)
{
  return cold_runtime_function ("__pkeyplug_emulate_open",
			   build_function_type_list (uint32_type_node,
						     const_ptr_type_node,
						     uint32_type_node,
						     NULL_TREE));
}

static tree
emulate_close_fn (void)
{
  return cold_runtime_function ("__pkeyplug_emulate_close",
			   build_function_type_list (void_type_node,
						     const_ptr_type_node,
						     uint32_type_node,
						     NULL_TREE));
}

static tree
emulate_close_scrub_fn (void)
{
  return cold_runtime_function ("__pkeyplug_emulate_close_scrub",
			   build_function_type_list (void_type_node,
						     const_ptr_type_node,
						     uint32_type_node,
						     uint32_type_node,
						     NULL_TREE));
}

static tree
u32 (unsigned v)
{
  return build_int_cst (uint32_type_node, v);
}

static tree
new_temp (const char *name)
{
  return create_tmp_var (uint32_type_node, name);
}

static inline void
add (gimple_seq *seq, gimple *g, location_t loc)
{
  gimple_set_location (g, loc);
  gimple_seq_add_stmt (seq, g);
}

/* Append to SEQ "if (LHS == VALUE) goto YES; else goto NO;".  */

static void
add_branch (gimple_seq *seq, tree lhs, unsigned value, tree yes, tree no,
	    location_t loc)
{
  add (seq, gimple_build_cond (EQ_EXPR, lhs, u32 (value), yes, no), loc);
}

/* Start the cold path at LABEL: the emulation and keys the runtime has not
   set up yet.  GCC moves it out of the hot path (into .text.unlikely when
   it splits functions), so that the hw gate stays short.  */

static void
add_cold_label (gimple_seq *seq, tree label, location_t loc)
{
  add (seq, gimple_build_label (label), loc);
  add (seq, gimple_build_predict (PRED_COLD_LABEL, NOT_TAKEN), loc);
}

/* The address of G's descriptor, for a call on the cold path, computed
   there by a volatile asm: GCC would otherwise compute it once in the hot
   path (code hoisting) and keep it in a callee-saved register across the
   body, which costs the hot path a push, a pop and the LEA.  */

static tree
cold_desc_address (gimple_seq *seq, struct gate *g, location_t loc)
{
  tree addr = create_tmp_var (const_ptr_type_node, "pkey_desc");
  vec<tree, va_gc> *in = NULL, *out = NULL;
  vec_safe_push (out, pkeyplug_asm_operand ("=r", addr));
  vec_safe_push (in, pkeyplug_asm_operand ("m", g->desc));
  gasm *lea = gimple_build_asm_vec ("lea\t%1, %0", in, out, NULL, NULL);
  add (seq, lea, loc);
  return addr;
}

/* The hw entry gate of checked and fast gates, as one asm: SAVED = RDPKRU;
   OPENED = SAVED with the key opened; WRPKRU (OPENED) unless it is SAVED.
   One asm so that the branch around the WRPKRU costs no register of
   GCC's: RDPKRU leaves EDX = 0 and ECX is still 0 for the WRPKRU.  The
   masks are read RIP-relative from the descriptor (read-only).  The exit
   gate compares the two outputs, which GCC knows nothing about, so it
   cannot copy the body once per way through this gate to skip that
   test.  Operands: %0 SAVED, %1 OPENED (EAX), %2 keep_rw or keep_ro,
   %3 ad_bit.  */

#define ENTRY_READ_PKRU \
  "xorl\t%%ecx, %%ecx\n" \
  "\t" PKEYPLUG_RDPKRU_BYTES "\t# rdpkru\n" \
  "\tmovl\t%%eax, %0\n"

#define ENTRY_WRITE \
  "\tcmpl\t%%eax, %0\n" \
  "\tje\t1f\n" \
  "\t" WRPKRU_ASM "\n" \
  "1:"

/* Read-write: clear AD and WD.  */
#define ENTRY_RW_ASM \
  ENTRY_READ_PKRU \
  "\tandl\t%2, %%eax\n" \
  ENTRY_WRITE

/* Read only: clear AD and set WD if AD was set, so that a thread whose
   PKRU had AD alone (the kernel's default for keys it never saw) does
   not get write access.  ECX serves as scratch and is 0 again for the
   WRPKRU.  */
#define ENTRY_RO_ASM \
  ENTRY_READ_PKRU \
  "\tmovl\t%3, %%ecx\n" \
  "\tandl\t%%eax, %%ecx\n" \
  "\taddl\t%%ecx, %%ecx\n" \
  "\tandl\t%2, %%eax\n" \
  "\torl\t%%ecx, %%eax\n" \
  "\txorl\t%%ecx, %%ecx\n" \
  ENTRY_WRITE

static gasm *
build_hw_entry (struct gate *g)
{
  bool rw = g->grant & PKEYPLUG_GRANT_WRITE;
  vec<tree, va_gc> *in = NULL, *out = NULL, *clob = NULL;
  vec_safe_push (out, pkeyplug_asm_operand ("=&r", g->saved));
  vec_safe_push (out, pkeyplug_asm_operand ("=a", g->opened));
  vec_safe_push (in, pkeyplug_asm_operand ("m", pkeyplug_desc_ref
					   (g->desc, rw ? "keep_rw"
					    : "keep_ro")));
  vec_safe_push (in, pkeyplug_asm_operand ("m", pkeyplug_desc_ref
					   (g->desc, "ad_bit")));
  vec_safe_push (clob, pkeyplug_asm_clobber ("cx"));
  vec_safe_push (clob, pkeyplug_asm_clobber ("dx"));
  vec_safe_push (clob, pkeyplug_asm_clobber ("cc"));
  return pkeyplug_barrier_asm (rw ? ENTRY_RW_ASM : ENTRY_RO_ASM, in, out,
			       clob);
}

/* At SLOW, on the cold path: SAVED = __pkeyplug_emulate_open (desc,
   grant), the emulation's open of G's key.  */

static void
add_emulate_open (gimple_seq *seq, struct gate *g, tree slow,
		  location_t loc)
{
  add_cold_label (seq, slow, loc);
  gcall *call = gimple_build_call (emulate_open_fn (), 2,
				   cold_desc_address (seq, g, loc),
				   u32 (g->grant));
  gimple_call_set_lhs (call, g->saved);
  add (seq, call, loc);
}

/* The cold path of an entry gate: the emulation, or a key the runtime has
   not set up (PKEYPLUG_GATE_NONE), whose open does nothing and returns
   0.  The exit gate runs its own cold path (the close) only when OPENED
   differs from SAVED, as after a hw entry that wrote: make them differ
   when the key is emulated, by the gate kind read again after the open
   (the runtime may have set the key up meanwhile; a key it has not set up,
   or set up for hw, keeps them equal, so that the exit does nothing).
   Without a branch: a path on which GCC saw them equal would be one to
   copy the body for, to skip the exit's test (jump threading).  When
   elide.cc makes the gate kind reads constant, both fold to 0 and the
   exit gate goes.  */

static void
build_cold_entry (gimple_seq *seq, struct gate *g, tree slow,
		  location_t loc)
{
  tree mode = new_temp ("pkey_mode");
  tree emulated = create_tmp_var (boolean_type_node, "pkey_emulated");
  tree flag = new_temp ("pkey_flag");

  add_emulate_open (seq, g, slow, loc);
  add (seq, gimple_build_assign (mode, pkeyplug_desc_ref (g->desc, "gate")),
       loc);
  add (seq, gimple_build_assign (emulated, EQ_EXPR, mode,
				 u32 (PKEYPLUG_GATE_EMULATE)), loc);
  add (seq, gimple_build_assign (flag, NOP_EXPR, emulated), loc);
  add (seq, gimple_build_assign (g->opened, BIT_XOR_EXPR, g->saved, flag),
       loc);
}

/* At IDLE, the entry gate of a key the runtime leaves unprotected
   (PKEYPLUG_OPTIONS=mode=off, or a key not set up yet): nothing to open,
   so no call of the emulation's open, which would only return 0; with
   mode=off every grant takes this path, and a call per function call is
   most of what idle gates cost.  SAVED = 0 and OPENED = 0, the latter
   through an empty asm: a path on which GCC saw them equal would invite
   it to copy the body to skip the exit's test (see build_cold_entry).  */

static void
build_idle_entry (gimple_seq *seq, struct gate *g, tree idle,
		  location_t loc)
{
  add (seq, gimple_build_label (idle), loc);
  add (seq, gimple_build_assign (g->saved, u32 (0)), loc);
  vec<tree, va_gc> *in = NULL, *out = NULL;
  vec_safe_push (out, pkeyplug_asm_operand ("=r", g->opened));
  vec_safe_push (in, pkeyplug_asm_operand ("0", g->saved));
  add (seq, gimple_build_asm_vec ("", in, out, NULL, NULL), loc);
}

/* A second read of G's gate kind, volatile: with the first one used
   twice, GCC would keep it in a register, which costs the hw path a
   load of its own before the compare.  */

static tree
reread_gate_kind (gimple_seq *seq, struct gate *g, location_t loc)
{
  tree ref = pkeyplug_desc_ref (g->desc, "gate");
  TREE_THIS_VOLATILE (ref) = 1;
  tree mode = new_temp ("pkey_mode");
  add (seq, gimple_build_assign (mode, ref), loc);
  return mode;
}

/* Build the entry gate of G into SEQ.  */

static void
build_entry_gate (gimple_seq *seq, struct gate *g, location_t loc)
{
  tree hw = create_artificial_label (loc);
  tree slow = create_artificial_label (loc);
  tree done = create_artificial_label (loc);

  add (seq, gimple_build_assign (g->mode, pkeyplug_desc_ref (g->desc, "gate")),
       loc);
  if (pkeyplug_gate_style != PKEYPLUG_SEALED_GATES)
    {
      tree not_hw = create_artificial_label (loc);
      tree idle = create_artificial_label (loc);

      /* One test of the gate kind; the hw gate is one asm.  */
      add_branch (seq, g->mode, PKEYPLUG_GATE_HW, hw, not_hw, loc);
      add (seq, gimple_build_label (hw), loc);
      /* The path laid out straight: GCC guesses a test for equality
	 false, which would send the hw gate out of line.  */
      add (seq, gimple_build_predict (PRED_HOT_LABEL, TAKEN), loc);
      add (seq, build_hw_entry (g), loc);
      add (seq, gimple_build_goto (done), loc);
      add (seq, gimple_build_label (not_hw), loc);
      add_branch (seq, reread_gate_kind (seq, g, loc), PKEYPLUG_GATE_NONE,
		  idle, slow, loc);
      build_idle_entry (seq, g, idle, loc);
      add (seq, gimple_build_goto (done), loc);
      build_cold_entry (seq, g, slow, loc);
      add (seq, gimple_build_label (done), loc);
      return;
    }

  /* The exit gate compares these two; keep them defined on every path.  */
  add (seq, gimple_build_assign (g->saved, u32 (0)), loc);
  add (seq, gimple_build_assign (g->opened, u32 (0)), loc);
  add_branch (seq, g->mode, PKEYPLUG_GATE_HW, hw, slow, loc);

  add (seq, gimple_build_label (hw), loc);
  /* Always both WRPKRU: the ledger counts every grant.  OPENED stays 0,
     so the exit can tell nothing from it.  */
  add (seq, pkeyplug_sealed_entry (g->desc, g->grant, g->saved), loc);
  add (seq, gimple_build_goto (done), loc);

  /* The runtime's open does nothing for a key it has not set up
     (PKEYPLUG_GATE_NONE) and returns 0.  */
  add_emulate_open (seq, g, slow, loc);

  add (seq, gimple_build_label (done), loc);
}

/* Append to SEQ what a grant that closes its key clears: every call-used
   register, which the callees of the grant may have left secrets in
   (unless -fplugin-arg-pkeyplug-scrub=none), then the dead stack below
   (-fplugin-arg-pkeyplug-scrub-stack), in that order: the registers the
   first call finds may be spilled below the stack pointer (a lazy PLT
   binding saves them all there).  Ordinary calls, never tail calls: a
   jump would skip the function's own clearing of its registers
   (add_register_scrubbing) on return.  Nested grants never get here.  */

static void
add_scrubbing (gimple_seq *seq, location_t loc)
{
  bool regs = strcmp (pkeyplug_scrub, "none") != 0;
  if (regs)
    {
      tree fn = pkeyplug_runtime_function ("__pkeyplug_scrub_regs",
					   build_function_type_list
					   (void_type_node, NULL_TREE));
      add (seq, gimple_build_call (fn, 0), loc);
    }
  if (pkeyplug_scrub_stack)
    {
      tree fn = pkeyplug_runtime_function ("__pkeyplug_scrub_stack",
					   build_function_type_list
					   (void_type_node, uint32_type_node,
					    NULL_TREE));
      add (seq, gimple_build_call (fn, 1, u32 (pkeyplug_scrub_stack)), loc);
    }
  if (regs || pkeyplug_scrub_stack)
    add (seq, pkeyplug_barrier_asm ("", NULL, NULL, NULL), loc);
}

/* Whether exit gates clear anything when their grant closes.  */

static bool
scrubbing_p (void)
{
  return strcmp (pkeyplug_scrub, "none") != 0 || pkeyplug_scrub_stack;
}

/* What __pkeyplug_emulate_close_scrub clears.  */

static unsigned
scrub_how (void)
{
  return ((strcmp (pkeyplug_scrub, "none") != 0 ? PKEYPLUG_SCRUB_REGS : 0)
	  | (unsigned) pkeyplug_scrub_stack);
}

/* A sealed exit writes PKRU whether or not its grant is the outermost:
   scrub only when the value it wrote, read back, leaves the key closed
   for reading (what the ledger allowed, not what the stack said).  */

static void
add_sealed_scrubbing (gimple_seq *seq, struct gate *g, location_t loc)
{
  if (!scrubbing_p ())
    return;
  tree now = new_temp ("pkey_now");
  tree ad = new_temp ("pkey_ad");
  tree scrub = create_artificial_label (loc);
  tree skip = create_artificial_label (loc);
  add (seq, build_rdpkru (now), loc);
  add (seq, gimple_build_assign (ad, pkeyplug_desc_ref (g->desc, "ad_bit")),
       loc);
  add (seq, gimple_build_assign (now, BIT_AND_EXPR, now, ad), loc);
  add_branch (seq, now, 0, skip, scrub, loc);
  add (seq, gimple_build_label (scrub), loc);
  add_scrubbing (seq, loc);
  add (seq, gimple_build_label (skip), loc);
}

/* The checked exit gate's restore (-fplugin-arg-pkeyplug-gates=checked):
   write back only the key's own bits of SAVED into the current PKRU, and
   trap (UD2, SIGILL) unless the value written leaves the key closed at
   least one step below the grant: the exit gate writes only when the
   entry gate opened something, so the rights before the grant were
   lower.  A corrupted SAVED can then neither open another key nor leave
   this one open, and a jump straight to this WRPKRU with a chosen EAX
   that opens the key traps.  The check reads EAX after the WRPKRU and
   the descriptor (read-only) through RIP-relative operands, so no
   register the attacker chose takes part in it.  One asm, so that GCC
   cannot move the check away from the WRPKRU.  ECX is its only scratch
   register (zero again for the WRPKRU): the registers an asm clobbers are
   those the function clears on return (add_register_scrubbing), on every
   path, so a clobber of its own would cost the nested path too.  The
   key's two bits are three times its AD bit: one IMUL from the
   descriptor.  Operands: %0 SAVED, %1 keep_rw, %2 ad_bit.  */

/* ECX = the key's two bits (AD and WD).  */
#define KEY_BITS_ECX "\timull\t$3, %2, %%ecx\n"

#define CHECKED_RESTORE_ASM \
  "xorl\t%%ecx, %%ecx\n" \
  "\t" PKEYPLUG_RDPKRU_BYTES "\t# rdpkru\n" \
  KEY_BITS_ECX \
  "\tandl\t%0, %%ecx\n"	/* the key's bits of saved */ \
  "\tandl\t%1, %%eax\n" \
  "\torl\t%%ecx, %%eax\n"	/* cur with the key's bits of saved */ \
  "\txorl\t%%ecx, %%ecx\n" \
  "\t" WRPKRU_ASM "\n"

/* The key must not stay open for writing: some bit of it set.  */
#define CHECK_RW_ASM \
  KEY_BITS_ECX \
  "\ttestl\t%%ecx, %%eax\n" \
  "\tjnz\t1f\n" \
  "\tud2\t# pkeyplug: exit gate left its key open\n" \
  "1:"

/* The key must not stay open for reading: its AD bit set.  */
#define CHECK_READ_ASM \
  "\ttestl\t%2, %%eax\n" \
  "\tjnz\t1f\n" \
  "\tud2\t# pkeyplug: exit gate left its key open\n" \
  "1:"

static gasm *
build_checked_restore (struct gate *g)
{
  vec<tree, va_gc> *in = NULL, *clob = NULL;
  vec_safe_push (in, pkeyplug_asm_operand ("r", g->saved));
  vec_safe_push (in, pkeyplug_asm_operand ("m", pkeyplug_desc_ref (g->desc,
								    "keep_rw")));
  vec_safe_push (in, pkeyplug_asm_operand ("m", pkeyplug_desc_ref (g->desc,
								    "ad_bit")));
  vec_safe_push (clob, pkeyplug_asm_clobber ("ax"));
  vec_safe_push (clob, pkeyplug_asm_clobber ("cx"));
  vec_safe_push (clob, pkeyplug_asm_clobber ("dx"));
  vec_safe_push (clob, pkeyplug_asm_clobber ("cc"));
  const char *text = (g->grant & PKEYPLUG_GRANT_WRITE
		      ? CHECKED_RESTORE_ASM CHECK_RW_ASM
		      : CHECKED_RESTORE_ASM CHECK_READ_ASM);
  return pkeyplug_barrier_asm (text, in, NULL, clob);
}

/* The cold path of an exit gate at SLOW: the emulation's close, which
   scrubs too when the token says the grant closes the key (one call, like
   the plain close, which elide.cc deletes with the gate: a test here
   would stay).  */

static void
build_cold_exit (gimple_seq *seq, struct gate *g, tree slow, location_t loc)
{
  add_cold_label (seq, slow, loc);
  tree desc = cold_desc_address (seq, g, loc);
  if (scrubbing_p ())
    add (seq, gimple_build_call (emulate_close_scrub_fn (), 3, desc,
				 g->saved, u32 (scrub_how ())), loc);
  else
    add (seq, gimple_build_call (emulate_close_fn (), 2, desc, g->saved),
	 loc);
  /* Not a tail call: the function's own return clears the registers
     (add_register_scrubbing), a jump to the runtime would skip that.  */
  add (seq, pkeyplug_barrier_asm ("", NULL, NULL, NULL), loc);
}

/* The exit gate of sealed gates: it writes PKRU on every grant (the
   ledger uncounts each), so it tests nothing but the gate kind.  */

static void
build_sealed_exit_gate (gimple_seq *seq, struct gate *g, location_t loc)
{
  tree hw = create_artificial_label (loc);
  tree slow = create_artificial_label (loc);
  tree done = create_artificial_label (loc);

  /* Keep the body's accesses above the gate.  SAVED goes through the asm
     too: GCC cannot see that it is still what the entry gate set, so it
     does not copy the body once per path through the entry gate (jump
     threading).  The gate kind is read again from the descriptor rather
     than kept across the body: that frees a register, and the descriptor,
     read-only once set up, is more trustworthy than a value kept on the
     stack.  (It changes only from PKEYPLUG_GATE_NONE, when the runtime
     starts in the middle of the body: the emulation's close of token 0 is
     then a no-op.)  */
  vec<tree, va_gc> *in = NULL, *out = NULL;
  vec_safe_push (out, pkeyplug_asm_operand ("=r", g->saved));
  vec_safe_push (in, pkeyplug_asm_operand ("0", g->saved));
  add (seq, pkeyplug_barrier_asm ("", in, out, NULL), loc);
  add (seq, gimple_build_assign (g->mode, pkeyplug_desc_ref (g->desc, "gate")),
       loc);
  add_branch (seq, g->mode, PKEYPLUG_GATE_HW, hw, slow, loc);

  add (seq, gimple_build_label (hw), loc);
  add (seq, pkeyplug_sealed_exit (g->desc, g->grant, g->saved), loc);
  add_sealed_scrubbing (seq, g, loc);
  add (seq, gimple_build_goto (done), loc);

  build_cold_exit (seq, g, slow, loc);
  add (seq, gimple_build_label (done), loc);
}

/* Build the exit gate of G into SEQ: nothing unless the entry changed
   something (OPENED differs from SAVED: a hw entry that wrote PKRU, or an
   emulated key); then, by the gate kind read again from the descriptor
   (read-only once set up, more trustworthy than a value kept on the stack
   across the body), the hw restore or the emulation's close.  A nested hw
   grant thus runs one compare and branch here.  The kind changes only
   from PKEYPLUG_GATE_NONE, when the runtime starts in the middle of the
   body: the entry gate then left SAVED and OPENED equal.  */

static void
build_exit_gate (gimple_seq *seq, struct gate *g, location_t loc)
{
  if (pkeyplug_gate_style == PKEYPLUG_SEALED_GATES)
    {
      build_sealed_exit_gate (seq, g, loc);
      return;
    }
  tree changed = create_artificial_label (loc);
  tree hw = create_artificial_label (loc);
  tree slow = create_artificial_label (loc);
  tree done = create_artificial_label (loc);

  /* Keep the body's accesses above the gate even when it writes
     nothing.  */
  add (seq, pkeyplug_barrier_asm ("", NULL, NULL, NULL), loc);
  add (seq, gimple_build_cond (NE_EXPR, g->opened, g->saved, changed, done),
       loc);
  add (seq, gimple_build_label (changed), loc);
  add (seq, gimple_build_assign (g->mode, pkeyplug_desc_ref (g->desc, "gate")),
       loc);
  add_branch (seq, g->mode, PKEYPLUG_GATE_HW, hw, slow, loc);

  add (seq, gimple_build_label (hw), loc);
  if (pkeyplug_gate_style == PKEYPLUG_CHECKED_GATES)
    add (seq, build_checked_restore (g), loc);
  else
    add (seq, build_wrpkru (g->saved), loc);
  /* The entry changed PKRU: this grant closes what it opened.  */
  add_scrubbing (seq, loc);
  add (seq, gimple_build_goto (done), loc);

  build_cold_exit (seq, g, slow, loc);
  add (seq, gimple_build_label (done), loc);
}

/* Ask GCC to clear the call-used registers FNDECL used when it returns
   (-fplugin-arg-pkeyplug-scrub), unless the user chose otherwise: a
   caller must not find secret-derived values left in them.  */

static void
add_register_scrubbing (tree fndecl)
{
  if (strcmp (pkeyplug_scrub, "none") == 0
      || lookup_attribute ("zero_call_used_regs", DECL_ATTRIBUTES (fndecl)))
    return;
  tree how = build_string (strlen (pkeyplug_scrub) + 1, pkeyplug_scrub);
  DECL_ATTRIBUTES (fndecl)
    = tree_cons (get_identifier ("zero_call_used_regs"),
		 build_tree_list (NULL_TREE, how), DECL_ATTRIBUTES (fndecl));
}

/* The gates of the keys FNDECL grants, in the order grants.cc lists
   them, into GATES.  */

static void
collect_gates (tree fndecl, auto_vec<gate> *gates)
{
  auto_vec<pkey_use> grants;
  pkeyplug_collect_grants (fndecl, &grants);
  unsigned i;
  pkey_use *use;
  FOR_EACH_VEC_ELT (grants, i, use)
    {
      gate g;
      memset (&g, 0, sizeof g);
      g.key = use->key;
      g.grant = use->grant;
      gates->safe_push (g);
    }
}

/* Append to SEQ the opening of the keys FNDECL grants by itself, the
   way its entry gates open them, for after the runtime's restore that
   follows a setjmp or a non-local label (guards.cc): that restore only
   closes, and a siglongjmp out of a signal handler, which ran with every
   key locked, has closed FNDECL's own keys too.  These are FNDECL's
   grants, known from its code, so opening them trusts no memory; the
   code is an entry gate's, no new gadget.  Only for hw keys and the
   checked or fast gates: with sealed gates the restore itself reopens
   what the ledger counts, and a signal handler does not change the
   emulation's levels.  */

void
pkeyplug_add_reopen (gimple_seq *seq, tree fndecl, location_t loc)
{
  if (pkeyplug_gate_style == PKEYPLUG_SEALED_GATES
      || lookup_attribute ("naked", DECL_ATTRIBUTES (fndecl)))
    return;
  auto_vec<gate> gates;
  collect_gates (fndecl, &gates);
  unsigned i;
  gate *g;
  FOR_EACH_VEC_ELT (gates, i, g)
    {
      tree hw = create_artificial_label (loc);
      tree done = create_artificial_label (loc);
      g->desc = pkeyplug_key_descriptor (g->key);
      g->mode = new_temp ("pkey_mode");
      g->saved = new_temp ("pkey_now");
      g->opened = new_temp ("pkey_opened");
      add (seq, gimple_build_assign (g->mode,
				     pkeyplug_desc_ref (g->desc, "gate")),
	   loc);
      add_branch (seq, g->mode, PKEYPLUG_GATE_HW, hw, done, loc);
      add (seq, gimple_build_label (hw), loc);
      add (seq, build_hw_entry (g), loc);
      add (seq, gimple_build_label (done), loc);
    }
}

static unsigned int
instrument_function (function *fun)
{
  tree fndecl = fun->decl;
  if (!pkeyplug_first_attr (fndecl) && pkeyplug_grant_all.is_empty ()
      && pkeyplug_grant_exported.is_empty ())
    return 0;
  /* A body split.cc moved out: the function it came from has the gates.  */
  if (pkeyplug_split_origin (fndecl))
    return 0;
  location_t loc = DECL_SOURCE_LOCATION (fndecl);
  if (lookup_attribute ("naked", DECL_ATTRIBUTES (fndecl)))
    {
      /* grant-all or grant-exported alone: a naked function is
	 assembly, nothing to wrap.  */
      if (!pkeyplug_first_attr (fndecl))
	return 0;
      error_at (loc, "%qs attribute on naked function %qD: it has no body "
		"the compiler could wrap in gates", PKEYPLUG_ATTR, fndecl);
      return 0;
    }

  auto_vec<gate> gates;
  collect_gates (fndecl, &gates);
  if (gates.is_empty ())
    return 0;

  location_t end = fun->function_end_locus;
  gimple_seq body = gimple_body (fndecl);
  gimple_seq entry = NULL;
  unsigned i;
  gate *g;
  FOR_EACH_VEC_ELT (gates, i, g)
    {
      g->desc = pkeyplug_key_descriptor (g->key);
      g->mode = new_temp ("pkey_mode");
      g->saved = new_temp ("pkey_saved");
      g->opened = new_temp ("pkey_opened");
      pkeyplug_note_key_use (g->key, loc);
      build_entry_gate (&entry, g, loc);
      if (pkeyplug_verbose)
	inform (loc, "pkeyplug: %qD grants %s access to key %qs", fndecl,
		g->grant & PKEYPLUG_GRANT_WRITE ? "read-write" : "read-only",
		g->key);
    }
  add_register_scrubbing (fndecl);
  /* Innermost first: the last key opened is the first closed.  */
  FOR_EACH_VEC_ELT_REVERSE (gates, i, g)
    {
      gimple_seq exit = NULL;
      build_exit_gate (&exit, g, end);
      body = gimple_seq_alloc_with_stmt (gimple_build_try (body, exit,
							  GIMPLE_TRY_FINALLY));
    }
  gimple_seq_add_seq (&entry, body);
  gimple_set_body (fndecl, gimple_seq_alloc_with_stmt
			     (gimple_build_bind (NULL_TREE, entry,
						 NULL_TREE)));
  return 0;
}

opt_pass *
pkeyplug_make_gate_pass (gcc::context *ctxt)
{
  return pkeyplug_function_pass (ctxt, "pkeyplug_gates", PROP_gimple_any,
				 instrument_function);
}
