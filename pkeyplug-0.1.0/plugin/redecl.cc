/* redecl.cc -- every declaration of a protected variable says so, with
   the same key.

   Redeclarations merge their attributes, so by the end of a declaration
   the variable carries the union of the keys of all its declarations: a
   later `extern int x;' without the key would pass unnoticed, and a unit
   that sees only that declaration would not know the object is
   protected.  So each declaration is checked against the first one, when
   it completes (PLUGIN_FINISH_DECL): the attribute handler notes the key
   of the declaration being parsed, finish_decl compares.  Only
   declarations outside functions are checked; block-scope externs are
   rare and always repeat a file-scope declaration anyway.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "hash-map.h"

/* What the first declaration of a variable said.  */
struct first_decl
{
  location_t loc;
  const char *key;		/* NULL: declared without a key.  */
};

static hash_map<tree, first_decl> *first_decls;

/* The declaration being parsed, if its pkey attribute was accepted.  */
static tree pending_name;
static const char *pending_key;
static location_t pending_loc;

/* The attribute handler accepted KEY on the declaration DECL.  */

void
pkeyplug_note_keyed_decl (tree decl, const char *key)
{
  pending_name = DECL_NAME (decl);
  pending_key = key;
  pending_loc = DECL_SOURCE_LOCATION (decl);
}

/* DECL's declaration is complete: compare it with the first one.  Return
   false after reporting a mismatch.  */

bool
pkeyplug_check_redecl (tree decl)
{
  bool keyed = pending_name && pending_name == DECL_NAME (decl);
  const char *key = keyed ? pending_key : NULL;
  location_t loc = keyed ? pending_loc : input_location;
  pending_name = NULL_TREE;

  if (TREE_CODE (decl) != VAR_DECL || decl_function_context (decl))
    return true;
  if (!first_decls)
    first_decls = new hash_map<tree, first_decl>;
  bool existed;
  first_decl &first = first_decls->get_or_insert (decl, &existed);
  if (!existed)
    {
      first.loc = loc;
      first.key = key;
      return true;
    }
  if (first.key == key)
    return true;

  auto_diagnostic_group d;
  if (!first.key)
    error_at (loc, "%qD declared with key %qs here but without a key "
	      "before", decl, key);
  else if (!key)
    error_at (loc, "%qD declared without a key here but with key %qs "
	      "before: every declaration of a protected variable must "
	      "name its key", decl, first.key);
  else
    error_at (loc, "%qD declared with key %qs here but with key %qs before",
	      decl, key, first.key);
  inform (first.loc, "previous declaration of %qD", decl);
  return false;
}
