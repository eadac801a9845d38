/* sealed.cc -- the gates of -fplugin-arg-pkeyplug-gates=sealed.

   A checked gate (gates.cc) can only check what it writes against its
   descriptor, which knows nothing of the thread: it cannot tell a nested
   grant's exit, which must leave the key open, from an outermost one
   whose saved value an attacker changed, and an entry gate cannot check
   at all what it writes for the other keys.  A sealed gate checks against
   the thread's entry in the runtime's ledger (pkeyplug-abi.h): pages of a
   key of the runtime's own, readable by every thread and written only
   between the two WRPKRU of a gate:

     WRPKRU #1   PKRU as it was, with the ledger open for writing
		 find the thread's slot: index from TLS, checked against
		 the header and against the thread's FS base (RDFSBASE);
		 no slot: UD2
		 entry: count the grant, open the key in ALLOWED
		 exit:  uncount it (UD2 if there was none), recompute
			the key's ALLOWED bits from the counts
     WRPKRU #2   the new value: only the gate's own key changed, never
		 more open than ALLOWED, the ledger read-only again
     check       find the slot again; UD2 unless every bit ALLOWED sets
		 is set in the value written

   Whatever the registers when control reaches either WRPKRU, what runs
   after it reads nothing but the descriptor (read-only, RIP-relative),
   the ledger and the FS base: a jump to #2 with a chosen EAX passes only
   with rights the thread's grants justify, a jump to #1 goes through #2,
   and a jump into an exit gate without its entry finds no grant to
   uncount.  Each gate is one asm so that GCC can put nothing between the
   pieces.  ALLOWED changes only by locked AND and OR: the runtime adds a
   new key's restriction to every slot while the gates of other threads
   run.

   Descriptor operands: %2 ledger, %3 seal_bits, %4 keep_rw, %5 ad_bit,
   %6 keep_ro.  %0 is the PKRU value on entry (the entry's output, the
   exit's input), %1 a scratch register.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

#define STR(X) PKEYPLUG_ASM_STR (X)

/* PKRU in EAX, with the ledger open for writing: WRPKRU #1.  */
#define OPEN_LEDGER PKEYPLUG_ASM_OPEN_LEDGER ("%3")

/* RDX = this thread's slot; jump to FAIL if it has none.  */
#define FIND_SLOT(FAIL) \
  "movq\t%2, %%rdx\n\t" \
  PKEYPLUG_ASM_FIND_SLOT (FAIL)

/* The key's count in the slot: ECX = 2 * hardware key, i.e. 4 * key
   bytes from the array OFFSET.  */
#define KEY_INDEX "bsfl\t%5, %%ecx\n\t"
#define COUNT(OFFSET) OFFSET "(%%rdx,%%rcx,2)"
#define RW_COUNT COUNT (STR (PKEYPLUG_LEDGER_RW))
#define RO_COUNT COUNT (STR (PKEYPLUG_LEDGER_RO))
#define ALLOWED STR (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx)"

/* EAX |= the key's bits of ALLOWED (clamp), then the ledger's bits of
   EAX made read-only; WRPKRU #2.  */
#define CLOSE_LEDGER \
  "movl\t%4, %k1\n\t" \
  "notl\t%k1\n\t" \
  "andl\t" ALLOWED ", %k1\n\t" \
  "orl\t%k1, %%eax\n\t" \
  "movl\t%3, %k1\n\t" \
  "notl\t%k1\n\t" \
  "andl\t%k1, %%eax\n\t" \
  "movl\t%3, %k1\n\t" \
  "andl\t$0xaaaaaaaa, %k1\n\t" \
  "orl\t%k1, %%eax\n\t" \
  "xorl\t%%ecx, %%ecx\n\t" \
  "xorl\t%%edx, %%edx\n\t" \
  PKEYPLUG_ASM_LISTED_WRPKRU ("_close") "\n\t"

/* After WRPKRU #2: the check (pkeyplug-asm.h), held to the thread's
   ALLOWED, or the header's for a thread with no slot.  Its UD2 is also
   where the other pieces jump when they fail.  */
#define CHECK_WRITTEN \
  "movq\t%2, %%rdx\n\t" \
  PKEYPLUG_ASM_CHECK_WRITTEN ("%k1", "7:\tud2\t# pkeyplug: sealed gate " \
			      "refused this PKRU value")

#define READ_PKRU PKEYPLUG_ASM_READ_PKRU

#define ENTRY_START \
  READ_PKRU \
  "movl\t%%eax, %0\n\t" \
  OPEN_LEDGER \
  FIND_SLOT ("7f") \
  KEY_INDEX

/* Read-write: count, open the key in ALLOWED; the value is the saved one
   with the key's bits cleared.  */
#define ENTRY_RW_ASM \
  ENTRY_START \
  "incl\t" RW_COUNT "\n\t" \
  "jz\t7f\n\t" \
  "movl\t%4, %%ecx\n\t" \
  "lock andl\t%%ecx, " ALLOWED "\n\t" \
  "movl\t%0, %%eax\n\t" \
  "andl\t%4, %%eax\n\t" \
  CLOSE_LEDGER \
  CHECK_WRITTEN

/* Read-only: count; unless a read-write grant holds the key, ALLOWED gets
   its write-disable bit alone.  The value: the saved one with AD cleared
   and WD set where AD was (as the checked entry gate computes it).  */
#define ENTRY_RO_ASM \
  ENTRY_START \
  "incl\t" RO_COUNT "\n\t" \
  "jz\t7f\n\t" \
  "cmpl\t$0, " RW_COUNT "\n\t" \
  "jne\t2f\n\t" \
  "movl\t%4, %k1\n\t" \
  "lock andl\t%k1, " ALLOWED "\n\t" \
  "movl\t%5, %%ecx\n\t" \
  "addl\t%%ecx, %%ecx\n\t" \
  "lock orl\t%%ecx, " ALLOWED "\n" \
  "2:\tmovl\t%0, %%eax\n\t" \
  "andl\t%6, %%eax\n\t" \
  "movl\t%0, %k1\n\t" \
  "andl\t%5, %k1\n\t" \
  "addl\t%k1, %k1\n\t" \
  "orl\t%k1, %%eax\n\t" \
  CLOSE_LEDGER \
  CHECK_WRITTEN

/* Uncount the grant at COUNTER; the key's bits of ALLOWED: none while a
   read-write grant holds it, WD while a read grant does, else the
   header's (the key's policy).  The value: PKRU now with the key's bits
   those of the saved value, never more open than ALLOWED.  */
#define EXIT_ASM(COUNTER) \
  READ_PKRU \
  OPEN_LEDGER \
  FIND_SLOT ("7f") \
  KEY_INDEX \
  "cmpl\t$0, " COUNTER "\n\t" \
  "je\t7f\n\t" \
  "decl\t" COUNTER "\n\t" \
  "xorl\t%k1, %k1\n\t" \
  "cmpl\t$0, " RW_COUNT "\n\t" \
  "jne\t4f\n\t" \
  "movl\t%5, %k1\n\t" \
  "addl\t%k1, %k1\n\t" \
  "cmpl\t$0, " RO_COUNT "\n\t" \
  "jne\t4f\n\t" \
  "movq\t%2, %q1\n\t" \
  "movl\t" STR (PKEYPLUG_LEDGER_ALLOWED) "(%q1), %k1\n\t" \
  "movl\t%4, %%ecx\n\t" \
  "notl\t%%ecx\n\t" \
  "andl\t%%ecx, %k1\n" \
  "4:\tmovl\t%4, %%ecx\n\t" \
  "lock andl\t%%ecx, " ALLOWED "\n\t" \
  "lock orl\t%k1, " ALLOWED "\n\t" \
  "movq\t%%rdx, %q1\n\t" \
  READ_PKRU \
  "movq\t%q1, %%rdx\n\t" \
  "andl\t%4, %%eax\n\t" \
  "movl\t%0, %k1\n\t" \
  "movl\t%4, %%ecx\n\t" \
  "notl\t%%ecx\n\t" \
  "andl\t%%ecx, %k1\n\t" \
  "orl\t%k1, %%eax\n\t" \
  CLOSE_LEDGER \
  CHECK_WRITTEN

/* The operands every sealed gate reads from DESC.  */

static void
push_desc_operands (vec<tree, va_gc> **in, tree desc)
{
  static const char *const fields[] = {
    "ledger", "seal_bits", "keep_rw", "ad_bit", "keep_ro"
  };
  for (unsigned i = 0; i < ARRAY_SIZE (fields); i++)
    vec_safe_push (*in, pkeyplug_asm_operand ("m",
					      pkeyplug_desc_ref (desc,
								 fields[i])));
}

static gasm *
sealed_asm (const char *text, tree desc, tree saved, bool entry)
{
  vec<tree, va_gc> *in = NULL, *out = NULL, *clob = NULL;
  tree scratch = create_tmp_var (long_long_unsigned_type_node, "pkey_s");
  if (entry)
    vec_safe_push (out, pkeyplug_asm_operand ("=&r", saved));
  else
    vec_safe_push (out, pkeyplug_asm_operand ("=r",
					      create_tmp_var
					      (uint32_type_node, "pkey_x")));
  vec_safe_push (out, pkeyplug_asm_operand ("=&r", scratch));
  push_desc_operands (&in, desc);
  if (!entry)
    vec_safe_push (in, pkeyplug_asm_operand ("0", saved));
  vec_safe_push (clob, pkeyplug_asm_clobber ("ax"));
  vec_safe_push (clob, pkeyplug_asm_clobber ("cx"));
  vec_safe_push (clob, pkeyplug_asm_clobber ("dx"));
  vec_safe_push (clob, pkeyplug_asm_clobber ("cc"));
  return pkeyplug_barrier_asm (text, in, out, clob);
}

/* The hw part of a sealed entry gate of DESC for GRANT; SAVED gets PKRU
   as it was.  */

gasm *
pkeyplug_sealed_entry (tree desc, unsigned grant, tree saved)
{
  return sealed_asm (grant & PKEYPLUG_GRANT_WRITE
		     ? ENTRY_RW_ASM : ENTRY_RO_ASM, desc, saved, true);
}

/* The hw part of the matching exit gate; SAVED is the entry's.  */

gasm *
pkeyplug_sealed_exit (tree desc, unsigned grant, tree saved)
{
  return sealed_asm (grant & PKEYPLUG_GRANT_WRITE
		     ? EXIT_ASM (RW_COUNT) : EXIT_ASM (RO_COUNT),
		     desc, saved, false);
}
