/* grants.cc -- which keys a function grants, and how: its `pkey'
   attributes, the keys grant-all gives every function the user wrote and
   grant-exported every function the unit exports, and what a copy of a
   function (an IPA clone, or the body split.cc moved out) inherits from
   the function it copies.

   The gate pass asks this to build gates; the passes that reason about
   rights (elide, unguarded, flows, split) ask it what a function holds
   by itself.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

/* If FNDECL is the body split.cc moved out of a granting function (it
   carries PKEYPLUG_BODY_ATTR), that function, else NULL.  */

tree
pkeyplug_split_origin (tree fndecl)
{
  tree a = lookup_attribute (PKEYPLUG_BODY_ATTR, DECL_ATTRIBUTES (fndecl));
  return a ? TREE_VALUE (TREE_VALUE (a)) : NULL_TREE;
}

/* If FNDECL is a twin (twins.cc: it carries PKEYPLUG_TWIN_ATTR), the
   function it copies, else NULL.  */

tree
pkeyplug_twin_origin (tree fndecl)
{
  tree a = lookup_attribute (PKEYPLUG_TWIN_ATTR, DECL_ATTRIBUTES (fndecl));
  return a ? TREE_VALUE (TREE_VALUE (a)) : NULL_TREE;
}

/* Add USE to USES, merging it into the use of the same key.  */

static void
add_grant (vec<pkey_use> *uses, const struct pkey_use *use)
{
  unsigned i;
  pkey_use *u;
  FOR_EACH_VEC_ELT (*uses, i, u)
    if (u->key == use->key)
      {
	u->grant |= use->grant;
	return;
      }
  pkey_use nu;
  memset (&nu, 0, sizeof nu);
  nu.key = use->key;
  nu.grant = use->grant;
  uses->safe_push (nu);
}

/* The function FNDECL is a copy of, when it is an IPA clone (.constprop,
   .isra) or the body split.cc moved out: an artificial copy of a whole
   function, which holds what that function holds.  ipa-split's parts
   are not followed: a part is a piece of a body and gets no grant-all
   keys of its own.  */

static tree
cloned_from (tree fndecl)
{
  for (int depth = 0; DECL_ARTIFICIAL (fndecl) && depth < 16; depth++)
    {
      /* The body split.cc moved out of a granting function holds what
	 that function holds.  */
      if (tree origin = pkeyplug_split_origin (fndecl))
	{
	  fndecl = origin;
	  continue;
	}
      /* So does a twin (twins.cc) what its original holds.  */
      if (tree origin = pkeyplug_twin_origin (fndecl))
	{
	  fndecl = origin;
	  continue;
	}
      cgraph_node *node = cgraph_node::get (fndecl);
      if (!node || node->split_part)
	break;
      if (node->clone_of)
	fndecl = node->clone_of->decl;
      else if (node->former_clone_of)
	fndecl = node->former_clone_of;
      else
	break;
    }
  return fndecl;
}

/* Does the unit export FNDECL, a function the user wrote: can code
   outside the module call it by name?  */

static bool
exported_p (tree fndecl)
{
  return (TREE_PUBLIC (fndecl) && !DECL_EXTERNAL (fndecl)
	  && DECL_VISIBILITY (fndecl) == VISIBILITY_DEFAULT);
}

/* Collect the keys FNDECL grants into USES, one entry a key: its pkey
   attributes, the keys of grant-all for every function the user wrote
   (or IPA cloned), and those of grant-exported for the functions the
   unit exports (and their clones).  */

void
pkeyplug_collect_grants (tree fndecl, vec<pkey_use> *uses)
{
  for (tree a = pkeyplug_first_attr (fndecl); a; a = pkeyplug_next_attr (a))
    {
      struct pkey_use use;
      if (pkeyplug_read_use (a, &use))
	add_grant (uses, &use);
    }
  tree origin = cloned_from (fndecl);
  if (DECL_ARTIFICIAL (origin))
    return;
  unsigned i;
  pkey_use *use;
  FOR_EACH_VEC_ELT (pkeyplug_grant_all, i, use)
    add_grant (uses, use);
  if (exported_p (origin))
    FOR_EACH_VEC_ELT (pkeyplug_grant_exported, i, use)
      add_grant (uses, use);
}

/* Does FNDECL grant any key (and so get gates)?  */

bool
pkeyplug_grants_p (tree fndecl)
{
  auto_vec<pkey_use> uses;
  pkeyplug_collect_grants (fndecl, &uses);
  return !uses.is_empty ();
}

/* The PKEYPLUG_GRANT_* bits FNDECL holds on KEY by itself.  */

unsigned
pkeyplug_function_grant (tree fndecl, const char *key)
{
  auto_vec<pkey_use> uses;
  pkeyplug_collect_grants (fndecl, &uses);
  unsigned i;
  pkey_use *u;
  FOR_EACH_VEC_ELT (uses, i, u)
    if (u->key == key)
      return u->grant;
  return 0;
}

/* Does CALLER hold by itself every key CALLEE grants, each with at least
   CALLEE's rights?  (Not when CALLEE grants nothing.)  */

bool
pkeyplug_holds_grants_of_p (tree caller, tree callee)
{
  auto_vec<pkey_use> uses;
  pkeyplug_collect_grants (callee, &uses);
  unsigned i;
  pkey_use *u;
  FOR_EACH_VEC_ELT (uses, i, u)
    if ((pkeyplug_function_grant (caller, u->key) & u->grant) != u->grant)
      return false;
  return !uses.is_empty ();
}
