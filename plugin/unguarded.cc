/* unguarded.cc -- warn where a function touches a protected variable
   without holding its key.

   Such an access faults at run time unless a caller happens to hold the
   key, which is fragile: the warning points at the access and offers a
   fix-it hint that grants the key to the function, the narrowest grant
   that covers it.  Not warned: accesses inside functions that hold the key
   (their own attribute or grant-all), reads of a key whose policy is
   readonly, taking an object's address (it is not an access), and
   accesses in a function that only this unit can call, whose address is
   never taken, and whose every caller holds the key or is such a function
   itself (a static helper of granting functions).  That last part needs
   the unit's whole call graph: a pass just before the gates records the
   accesses and the warnings are given once the graph is built (an IPA
   pass).
   -fplugin-arg-pkeyplug-warn-unguarded=no turns the warning off;
   -Wno-attributes too.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "gcc-rich-location.h"
#include "tree-pass.h"

bool pkeyplug_warn_unguarded = true;

/* What the walk of one function needs.  */
struct unguarded_walk
{
  tree fndecl;
  location_t loc;		/* Of the statement being walked.  */
  hash_set<tree> *warned;	/* Objects already recorded.  */
};

/* An access made without the key, to be warned about once the call graph
   shows whether every caller holds it.  FNDECL and DECL are kept from
   the collector (pkeyplug_keep).  */
struct unguarded_access
{
  tree fndecl;
  tree decl;
  location_t loc;
  const char *key;
  unsigned need;		/* PKEYPLUG_GRANT_* the access needs.  */
  unsigned held;		/* What FNDECL holds by itself.  */
  bool is_write;
};

static vec<unguarded_access> pending;

/* Record the access to DECL if FNDECL may not make it.  IS_WRITE says
   whether the access stores.  */

static void
check_access (struct unguarded_walk *uw, tree decl, bool is_write)
{
  struct pkey_use use;
  tree attr = pkeyplug_first_attr (decl);
  if (!attr || !pkeyplug_read_use (attr, &use))
    return;
  unsigned need = is_write ? PKEYPLUG_GRANT_WRITE : PKEYPLUG_GRANT_READ;
  if (!is_write && use.policy == PKEYPLUG_POLICY_READONLY)
    return;
  unsigned held = pkeyplug_function_grant (uw->fndecl, use.key);
  if ((held & need) || uw->warned->add (decl))
    return;
  unguarded_access a = { uw->fndecl, decl, uw->loc, use.key, need, held,
			 is_write };
  pkeyplug_keep (uw->fndecl);
  pkeyplug_keep (decl);
  pending.safe_push (a);
}

/* Does every way into NODE hold NEED on KEY?  True if NODE can only be
   called from this unit (not public, address not taken, not kept for
   asm), has callers, and each caller holds the key or is such a function
   itself.  SEEN breaks cycles: a function met again adds no new way in.
   Set *OPEN to a caller that does not hold the key, if one was found.  */

static bool
callers_hold_key (cgraph_node *node, const char *key, unsigned need,
		  hash_set<cgraph_node *> *seen, cgraph_node **open)
{
  /* Without -ftoplevel-reorder (-O0) every function is forced out, to
     keep the order of the source: that alone does not let others call
     it.  */
  if (!node || TREE_PUBLIC (node->decl) || node->address_taken
      || (node->force_output && flag_toplevel_reorder)
      || DECL_PRESERVE_P (node->decl) || !node->callers)
    return false;
  if (seen->add (node))
    return true;
  for (cgraph_edge *e = node->callers; e; e = e->next_caller)
    if (!(pkeyplug_function_grant (e->caller->decl, key) & need)
	&& !callers_hold_key (e->caller, key, need, seen, open))
      {
	if (!*open)
	  *open = e->caller;
	return false;
      }
  return true;
}

/* Does every way into FNDECL hold NEED on KEY (callers_hold_key)?
   flows.cc asks, to tell a static helper of grants from a function that
   anyone may call.  */

bool
pkeyplug_callers_hold_key (tree fndecl, const char *key, unsigned need)
{
  hash_set<cgraph_node *> seen;
  cgraph_node *open = NULL;
  return callers_hold_key (cgraph_node::get (fndecl), key, need, &seen,
			   &open);
}

/* Give the warning for access A.  */

static void
warn_access (const unguarded_access &a)
{
  hash_set<cgraph_node *> seen;
  cgraph_node *open = NULL;
  cgraph_node *node = cgraph_node::get (a.fndecl);
  if (callers_hold_key (node, a.key, a.need, &seen, &open))
    return;

  gcc_rich_location richloc (a.loc);
  char *fix = xasprintf ("__attribute__ ((pkey (\"%s\"))) ", a.key);
  richloc.add_fixit_insert_before (DECL_SOURCE_LOCATION (a.fndecl), fix);
  free (fix);
  auto_diagnostic_group d;
  bool warned;
  if (a.held)
    warned = warning_at (&richloc, OPT_Wattributes, "%qD writes %qD but "
			 "holds key %qs for reading only", a.fndecl, a.decl,
			 a.key);
  else
    warned = warning_at (&richloc, OPT_Wattributes, "%qD %s %qD without "
			 "holding its key %qs: the access faults unless a "
			 "caller holds it", a.fndecl,
			 a.is_write ? "writes" : "reads", a.decl, a.key);
  if (warned && open && open->decl != a.fndecl)
    inform (DECL_SOURCE_LOCATION (open->decl), "%qD calls it without "
	    "holding key %qs", open->decl, a.key);
}

/* walk_tree callback over one operand.  */

static tree
check_operand (tree *tp, int *walk_subtrees, void *data)
{
  struct walk_stmt_info *wi = (struct walk_stmt_info *) data;
  struct unguarded_walk *uw = (struct unguarded_walk *) wi->info;
  tree t = *tp;

  if (TREE_CODE (t) == ADDR_EXPR)
    {
      /* &x is not an access to x.  */
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  if (TREE_CODE (t) == MEM_REF
      && TREE_CODE (TREE_OPERAND (t, 0)) == ADDR_EXPR)
    {
      /* MEM[&x] is one.  */
      tree base = get_base_address (TREE_OPERAND (TREE_OPERAND (t, 0), 0));
      if (base && VAR_P (base))
	check_access (uw, base, wi->is_lhs);
      *walk_subtrees = 0;
      return NULL_TREE;
    }
  if (VAR_P (t) && (TREE_STATIC (t) || DECL_EXTERNAL (t)))
    check_access (uw, t, wi->is_lhs);
  return NULL_TREE;
}

static tree
note_statement (gimple_stmt_iterator *gsi, bool *, struct walk_stmt_info *wi)
{
  struct unguarded_walk *uw = (struct unguarded_walk *) wi->info;
  location_t loc = gimple_location (gsi_stmt (*gsi));
  if (loc != UNKNOWN_LOCATION)
    uw->loc = loc;
  return NULL_TREE;
}

/* Record the unguarded accesses of FNDECL's body.  */

void
pkeyplug_check_unguarded (tree fndecl)
{
  if (!pkeyplug_warn_unguarded || DECL_ARTIFICIAL (fndecl))
    return;
  hash_set<tree> warned;
  struct unguarded_walk uw = { fndecl, DECL_SOURCE_LOCATION (fndecl),
			       &warned };
  struct walk_stmt_info wi;
  memset (&wi, 0, sizeof wi);
  wi.info = &uw;
  gimple_seq body = gimple_body (fndecl);
  walk_gimple_seq (body, note_statement, check_operand, &wi);
}

static unsigned int
check_function (function *fun)
{
  pkeyplug_check_unguarded (fun->decl);
  return 0;
}

opt_pass *
pkeyplug_make_unguarded_check_pass (gcc::context *ctxt)
{
  return pkeyplug_function_pass (ctxt, "pkeyplug_unguarded_check",
				 PROP_gimple_any, check_function);
}

/* Once the unit's call graph is built: warn about the accesses recorded
   by pkeyplug_check_unguarded that some caller may make without the
   key.  */

static unsigned int
warn_pending (void)
{
  for (const unguarded_access &a : pending)
    warn_access (a);
  pending.release ();
  return 0;
}

opt_pass *
pkeyplug_make_unguarded_pass (gcc::context *ctxt)
{
  return pkeyplug_unit_pass (ctxt, "pkeyplug_unguarded", TV_NONE, NULL,
			     warn_pending);
}
