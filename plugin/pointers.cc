/* pointers.cc -- warn when a protected pointer is initialised with the
   address of data that is not protected.

     static const char *token PKEY_PROTECT ("vault") = "abc...";

   locks the pointer and leaves the string it points to readable by
   everyone, which is rarely what the author meant: the bytes are the
   secret.  The same holds for the address of an ordinary object, or one
   of another key, and for each element of an array of pointers.  The
   warning says so and the note suggests an array, which puts the bytes
   themselves under the key.  -Wno-attributes silences it.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

/* The storage INIT (an initialiser of a pointer) points into, when that
   storage is not protected by key KEY: a STRING_CST or a declaration.
   NULL_TREE when it is protected by KEY, or not an address we see.  */

static tree
unprotected_pointee (tree init, const char *key)
{
  STRIP_NOPS (init);
  while (TREE_CODE (init) == POINTER_PLUS_EXPR)
    {
      init = TREE_OPERAND (init, 0);
      STRIP_NOPS (init);
    }
  if (TREE_CODE (init) != ADDR_EXPR)
    return NULL_TREE;
  tree base = get_base_address (TREE_OPERAND (init, 0));
  if (!base)
    return NULL_TREE;
  if (TREE_CODE (base) == STRING_CST)
    return base;
  if (!VAR_P (base) && TREE_CODE (base) != COMPOUND_LITERAL_EXPR)
    return NULL_TREE;
  if (TREE_CODE (base) == COMPOUND_LITERAL_EXPR)
    base = COMPOUND_LITERAL_EXPR_DECL (base);
  struct pkey_use use;
  tree attr = pkeyplug_first_attr (base);
  if (attr && pkeyplug_read_use (attr, &use) && use.key == key)
    return NULL_TREE;
  return base;
}

/* Warn that DECL, protected by KEY, points to POINTEE, which is not.  */

static void
warn_pointee (tree decl, const char *key, tree pointee)
{
  location_t loc = DECL_SOURCE_LOCATION (decl);
  auto_diagnostic_group d;
  if (TREE_CODE (pointee) == STRING_CST)
    {
      if (warning_at (loc, OPT_Wattributes, "%qD is protected by key %qs, "
		      "but the string it points to is not: only the pointer "
		      "is locked, the characters are readable by everyone",
		      decl, key))
	inform (loc, "to protect the characters, declare an array under the "
		"key: %<static const char NAME[] PKEY_PROTECT (\"%s\") = "
		"\"...\";%>", key);
      return;
    }
  if (warning_at (loc, OPT_Wattributes, "%qD is protected by key %qs, but "
		  "it points to %qD, which is not: only the pointer is "
		  "locked", decl, key, pointee))
    inform (DECL_SOURCE_LOCATION (pointee), "to protect the data, put %qD "
	    "under the key: %<PKEY_PROTECT (\"%s\")%> on its definition",
	    pointee, key);
}

/* PLUGIN_FINISH_DECL, for the protected variable DECL of key KEY: check
   the pointers its initialiser holds (DECL itself, or the elements of an
   array of pointers).  */

void
pkeyplug_check_pointees (tree decl, const char *key)
{
  tree init = DECL_INITIAL (decl);
  if (!init || init == error_mark_node)
    return;
  tree type = strip_array_types (TREE_TYPE (decl));
  if (!POINTER_TYPE_P (type))
    return;
  tree pointee = NULL_TREE;
  if (TREE_CODE (init) == CONSTRUCTOR)
    {
      unsigned i;
      tree value;
      FOR_EACH_CONSTRUCTOR_VALUE (CONSTRUCTOR_ELTS (init), i, value)
	if ((pointee = unprotected_pointee (value, key)))
	  break;
    }
  else
    pointee = unprotected_pointee (init, key);
  if (pointee)
    warn_pointee (decl, key, pointee);
}
