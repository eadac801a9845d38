/* unguarded.cc -- warn where a function touches a protected variable
   without holding its key.

   Such an access faults at run time unless a caller happens to hold the
   key, which is fragile: the warning points at the access and offers a
   fix-it hint that grants the key to the function.  Not warned: accesses
   inside functions that hold the key (their own attribute or grant-all),
   reads of a key whose policy is readonly, and taking an object's address
   (it is not an access).  -fplugin-arg-pkeyplug-warn-unguarded=no turns
   the warning off; -Wno-attributes too.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "gcc-rich-location.h"

bool pkeyplug_warn_unguarded = true;

/* What the walk of one function needs.  */
struct unguarded_walk
{
  tree fndecl;
  location_t loc;		/* Of the statement being walked.  */
  hash_set<tree> *warned;	/* Objects already warned about.  */
};

/* Warn about the access to DECL if FNDECL may not make it.  IS_WRITE says
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

  gcc_rich_location richloc (uw->loc);
  char *fix = xasprintf ("__attribute__ ((pkey (\"%s\"))) ", use.key);
  richloc.add_fixit_insert_before (DECL_SOURCE_LOCATION (uw->fndecl), fix);
  free (fix);
  auto_diagnostic_group d;
  if (held)
    warning_at (&richloc, OPT_Wattributes, "%qD writes %qD but holds key "
		"%qs for reading only", uw->fndecl, decl, use.key);
  else
    warning_at (&richloc, OPT_Wattributes, "%qD %s %qD without holding its "
		"key %qs: the access faults unless a caller holds it",
		uw->fndecl, is_write ? "writes" : "reads", decl, use.key);
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

/* Warn about the unguarded accesses of FNDECL's body.  */

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
