/* intern.cc -- names the plugin keeps, safe from garbage collection.

   The plugin keeps key and section names as the strings of identifiers,
   so that one name is one pointer and compares with ==.  But once parsing
   is over the collector purges every identifier that no live tree refers
   to, and nothing refers to a key name such as a grant-all key: a later
   get_identifier of the same name then makes a new identifier, which no
   pointer kept from before matches, and the kept pointers point into
   freed memory.  A large unit (the SQLite amalgamation) collects between
   the gate pass and the late elision pass, so grant-all lost its keys
   there.  Every name the plugin keeps therefore comes from
   pkeyplug_intern, which chains its identifier to a registered root;
   pkeyplug_keep chains other trees the plugin holds on to there too.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "hash-set.h"

/* Every interned identifier, in a TREE_LIST the collector marks.  */
static tree interned_list;

/* The same identifiers, to chain each only once.  */
static hash_set<tree> *interned;

static const struct ggc_root_tab intern_roots[] =
{
  { &interned_list, 1, sizeof (interned_list), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

/* Return the string of the identifier NAME, kept for the whole
   compilation.  */

const char *
pkeyplug_intern (const char *name)
{
  tree id = get_identifier (name);
  if (!interned)
    interned = new hash_set<tree>;
  if (!interned->add (id))
    interned_list = tree_cons (NULL_TREE, id, interned_list);
  return IDENTIFIER_POINTER (id);
}

/* Keep the tree T (a declaration the plugin refers to later) from the
   collector until the end of the compilation.  */

void
pkeyplug_keep (tree t)
{
  interned_list = tree_cons (NULL_TREE, t, interned_list);
}

/* Register the root; from plugin_init, before any name is interned.  */

void
pkeyplug_register_intern_roots (const char *plugin_name)
{
  register_callback (plugin_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
		     (void *) intern_roots);
}
