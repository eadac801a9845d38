/* elide.cc -- remove the gates of a granting function inlined where its
   key is already held.

   The gates are added before any inlining (gates.cc), so a granting
   function inlined into a caller that grants the same key keeps gates
   that can only find the key already open: in hw mode a RDPKRU and two
   tests, in emulate mode two calls.  After inlining, this pass finds the
   gates of inlined copies by their reads of a descriptor's gate kind,
   and when the functions around the copy (the caller itself, and any
   granting function inlined around it) already hold at least the copy's
   rights on that key, it replaces those reads by PKEYPLUG_GATE_ELIDED and
   deletes the copy's calls of the emulation's open and close for that
   key: constant folding then deletes the rest of both gates.

   A gate belongs to the inlined copy it sits in: the innermost
   inlined-function block around its statements.

   The same goes for a function's own gates once inlining is over, when
   the function can only be called directly from this unit (cgraph's
   `local': not visible outside, address never taken) and every remaining
   call of it sits in a function that holds the key: the callers' gates,
   or in turn their callers', have opened it already.  This removes most
   gates of a grant-all unit, where the static functions are called only
   by granting ones, and keeps those of every function that can be
   entered from outside.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "tree-pass.h"
#include "ssa.h"
#include "tree-ssa.h"
#include "tree-cfg.h"

/* If STMT reads the gate kind of a key descriptor, return the key (an
   identifier's string, as pkey_use.key), else NULL.  */

static const char *
gate_kind_read_key (gimple *stmt)
{
  if (!gimple_assign_single_p (stmt))
    return NULL;
  tree rhs = gimple_assign_rhs1 (stmt);
  if (TREE_CODE (rhs) != COMPONENT_REF)
    return NULL;
  tree desc = TREE_OPERAND (rhs, 0);
  tree field = TREE_OPERAND (rhs, 1);
  if (!VAR_P (desc) || !DECL_ARTIFICIAL (desc) || !DECL_NAME (desc)
      || !DECL_NAME (field)
      || strcmp (IDENTIFIER_POINTER (DECL_NAME (field)), "gate") != 0)
    return NULL;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (desc));
  if (strncmp (name, PKEYPLUG_DESC_PREFIX, strlen (PKEYPLUG_DESC_PREFIX)) != 0)
    return NULL;
  return pkeyplug_intern (name + strlen (PKEYPLUG_DESC_PREFIX));
}

/* The function BLOCK is the outermost block of an inlined copy of, or
   NULL.  */

static tree
inlined_function (tree block)
{
  if (!inlined_function_outer_scope_p (block))
    return NULL_TREE;
  tree origin = block_ultimate_origin (block);
  return origin && TREE_CODE (origin) == FUNCTION_DECL ? origin : NULL_TREE;
}

/* The rights FNDECL grants on KEY.  In an LTO link the grant-all keys of
   this invocation need not be those the function was compiled with: only
   its attributes count there.  */

static unsigned
grant_of (tree fndecl, const char *key)
{
  if (!in_lto_p)
    return pkeyplug_function_grant (fndecl, key);
  unsigned grant = 0;
  for (tree a = pkeyplug_first_attr (fndecl); a; a = pkeyplug_next_attr (a))
    {
      struct pkey_use use;
      if (pkeyplug_read_use (a, &use) && use.key == key)
	grant |= use.grant;
    }
  return grant;
}

/* The outermost block of the inlined copy STMT is in, or NULL.  */

static tree
inlined_copy_block (gimple *stmt)
{
  for (tree block = gimple_block (stmt);
       block && TREE_CODE (block) == BLOCK;
       block = BLOCK_SUPERCONTEXT (block))
    if (inlined_function (block))
      return block;
  return NULL_TREE;
}

/* Does every call of FUN's function come from a function that holds at
   least NEEDED on KEY?  */

static bool
all_callers_hold_p (function *fun, const char *key, unsigned needed)
{
  /* Before the IPA passes the calls are not final.  In the early
     passes every body is built and visibility known, so a function that
     can be local (no address taken, not visible outside, not used by an
     asm) gets no new callers: its gates go before the inliners weigh its
     size, as if the plugin had not been there.  (fun->after_inlining is
     set only where something was inlined.)  */
  if (symtab->state < IPA_SSA)
    return false;
  cgraph_node *node = cgraph_node::get (fun->decl);
  if (!node)
    return false;
  bool local = (symtab->state >= IPA_SSA_AFTER_INLINING ? node->local
		: node->local_p ());
  /* A split part (ipa-split) is a piece of its function's body, which
     may hold the function's exit gate: that one must stay.  */
  if (!local || node->force_output || !node->callers
      || node->split_part
      || DECL_STATIC_CONSTRUCTOR (fun->decl)
      || DECL_STATIC_DESTRUCTOR (fun->decl))
    return false;
  for (cgraph_edge *e = node->callers; e; e = e->next_caller)
    {
      /* A call in a copy of G inlined into F: F's gates (if F holds the
	 key) wrap the whole copy.  Functions inlined in between are not
	 looked at: that only keeps some gates.  */
      unsigned held = grant_of (e->caller->decl, key);
      if (e->caller->inlined_to)
	held |= grant_of (e->caller->inlined_to->decl, key);
      if ((held & needed) != needed)
	return false;
    }
  return true;
}

/* Can the gate on KEY whose gate kind STMT of function FUN reads go?  */

static bool
redundant_gate_p (function *fun, gimple *stmt, const char *key)
{
  tree block = inlined_copy_block (stmt);
  /* The function's own gate.  */
  if (!block)
    {
      unsigned needed = grant_of (fun->decl, key);
      return needed && all_callers_hold_p (fun, key, needed);
    }
  tree owner = inlined_function (block);
  unsigned needed = grant_of (owner, key);
  if (!needed)
    return false;
  /* What the functions around the copy hold.  */
  unsigned held = grant_of (fun->decl, key);
  for (block = BLOCK_SUPERCONTEXT (block);
       block && TREE_CODE (block) == BLOCK;
       block = BLOCK_SUPERCONTEXT (block))
    if (tree around = inlined_function (block))
      held |= grant_of (around, key);
  return (held & needed) == needed;
}

/* A gate that goes: the inlined copy it is in, and its key.  */
struct elided_gate
{
  tree block;
  const char *key;
};

/* If STMT calls the emulation's open or close (also the close that
   scrubs), return the key of the descriptor it passes, else NULL.  */

static const char *
emulate_call_key (gimple *stmt)
{
  if (!is_gimple_call (stmt) || gimple_call_num_args (stmt) < 2)
    return NULL;
  tree fn = gimple_call_fndecl (stmt);
  if (!fn)
    return NULL;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fn));
  if (strcmp (name, "__pkeyplug_emulate_open") != 0
      && strcmp (name, "__pkeyplug_emulate_close") != 0
      && strcmp (name, "__pkeyplug_emulate_close_scrub") != 0)
    return NULL;
  /* The gates pass the descriptor's address through an asm
     (gates.cc, cold_desc_address): look through it.  */
  tree arg = gimple_call_arg (stmt, 0);
  if (TREE_CODE (arg) == SSA_NAME)
    {
      gasm *def = dyn_cast <gasm *> (SSA_NAME_DEF_STMT (arg));
      if (!def || gimple_asm_ninputs (def) != 1)
	return NULL;
      arg = build_fold_addr_expr (TREE_VALUE (gimple_asm_input_op (def, 0)));
    }
  if (TREE_CODE (arg) != ADDR_EXPR || !VAR_P (TREE_OPERAND (arg, 0))
      || !DECL_NAME (TREE_OPERAND (arg, 0)))
    return NULL;
  const char *desc = IDENTIFIER_POINTER (DECL_NAME (TREE_OPERAND (arg, 0)));
  if (strncmp (desc, PKEYPLUG_DESC_PREFIX, strlen (PKEYPLUG_DESC_PREFIX)) != 0)
    return NULL;
  return pkeyplug_intern (desc + strlen (PKEYPLUG_DESC_PREFIX));
}

/* Delete the emulation calls of the gates in ELIDED.  An open's token
   becomes 0, which the folded exit gate no longer reads.  The abnormal
   and EH edges the calls had go with them: left behind, an abnormal edge
   from a block without a call is an IR the optimizers mis-thread (a
   setjmp receiver reached from before the code it depends on).  Return
   whether edges went.  */

static bool
delete_emulate_calls (function *fun, vec<elided_gate> *elided)
{
  basic_block bb;
  bool purged = false;
  FOR_EACH_BB_FN (bb, fun)
    {
      bool deleted = false;
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);)
	{
	  gimple *stmt = gsi_stmt (gsi);
	  const char *key = emulate_call_key (stmt);
	  tree block = key ? inlined_copy_block (stmt) : NULL_TREE;
	  bool found = false;
	  unsigned i;
	  elided_gate *e;
	  FOR_EACH_VEC_ELT (*elided, i, e)
	    if (key && e->block == block && e->key == key)
	      found = true;
	  if (!found)
	    {
	      gsi_next (&gsi);
	      continue;
	    }
	  tree lhs = gimple_call_lhs (stmt);
	  unlink_stmt_vdef (stmt);
	  if (lhs)
	    {
	      gimple *zero
		= gimple_build_assign (lhs, build_zero_cst (TREE_TYPE (lhs)));
	      gsi_replace (&gsi, zero, true);
	      gsi_next (&gsi);
	    }
	  else
	    {
	      gsi_remove (&gsi, true);
	      release_defs (stmt);
	    }
	  deleted = true;
	}
      if (deleted)
	{
	  purged |= gimple_purge_dead_abnormal_call_edges (bb);
	  purged |= gimple_purge_dead_eh_edges (bb);
	}
    }
  return purged;
}

static unsigned int
elide_gates (function *fun)
{
  basic_block bb;
  unsigned elided = 0;
  auto_vec<elided_gate> gates;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gimple *stmt = gsi_stmt (gsi);
	const char *key = gate_kind_read_key (stmt);
	if (!key || !redundant_gate_p (fun, stmt, key))
	  continue;
	elided_gate e = { inlined_copy_block (stmt), key };
	gates.safe_push (e);
	gimple_assign_set_rhs_from_tree
	  (&gsi, build_int_cst (TREE_TYPE (gimple_assign_lhs (stmt)),
				PKEYPLUG_GATE_ELIDED));
	update_stmt (gsi_stmt (gsi));
	elided++;
      }
  bool purged = elided && delete_emulate_calls (fun, &gates);
  if (elided && dump_file)
    fprintf (dump_file, "pkeyplug: %u gate kind read%s of inlined copies "
	     "elided\n", elided, elided == 1 ? "" : "s");
  return purged ? TODO_cleanup_cfg : 0;
}

opt_pass *
pkeyplug_make_elide_pass (gcc::context *ctxt)
{
  return pkeyplug_function_pass (ctxt, "pkeyplug_elide", PROP_ssa | PROP_cfg,
				 elide_gates);
}
