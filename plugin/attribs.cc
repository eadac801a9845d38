/* attribs.cc -- the `pkey' attribute: registration, argument checking and
   reading it back.

   Forms accepted:
     variable with static storage:  pkey ("NAME")  pkey ("NAME", "noaccess")
				    pkey ("NAME", "readonly")
     function:			    pkey ("NAME")  pkey ("NAME", "readwrite")
				    pkey ("NAME", "read")
   NAME matches [A-Za-z_][A-Za-z0-9_]* and has at most PKEYPLUG_NAME_MAX
   characters.  Every misuse is a located error and the attribute is dropped,
   so later stages only ever see well-formed uses.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

/* The first policy seen for each key name in this unit, to catch a second,
   different one.  The key names come from pkeyplug_intern, which keeps
   their identifiers from the collector (intern.cc).  */
struct key_policy
{
  tree key;
  unsigned policy;
  location_t loc;
};
static vec<key_policy> key_policies;

/* Strip the location wrapper C++ puts around literal arguments.  */

static tree
attr_arg (tree list)
{
  return tree_strip_any_location_wrapper (TREE_VALUE (list));
}

/* Return the narrow string literal ARG as a C string, or NULL if ARG is
   something else (an integer, a wide string, a string with a NUL inside).  */

static const char *
narrow_string (tree arg)
{
  if (TREE_CODE (arg) != STRING_CST)
    return NULL;
  tree elt = TREE_TYPE (TREE_TYPE (arg));
  if (!elt || TYPE_PRECISION (elt) != TYPE_PRECISION (char_type_node))
    return NULL;
  const char *s = TREE_STRING_POINTER (arg);
  if ((int) strlen (s) + 1 != TREE_STRING_LENGTH (arg))
    return NULL;
  return s;
}

/* True if S is a valid key name.  */

bool
pkeyplug_valid_key_name (const char *s)
{
  size_t n = strlen (s);
  if (n == 0 || n > PKEYPLUG_NAME_MAX)
    return false;
  if (!ISALPHA (s[0]) && s[0] != '_')
    return false;
  for (size_t i = 1; i < n; i++)
    if (!ISALNUM (s[i]) && s[i] != '_')
      return false;
  return true;
}

/* Parse the arguments ARGS of a pkey attribute on a declaration of kind
   IS_FUNCTION into USE.  Report errors at LOC and return false on any.  */

static bool
parse_args (tree args, bool is_function, location_t loc, struct pkey_use *use)
{
  memset (use, 0, sizeof *use);
  use->policy = PKEYPLUG_POLICY_NOACCESS;
  use->grant = PKEYPLUG_GRANT_READ | PKEYPLUG_GRANT_WRITE;

  const char *name = narrow_string (attr_arg (args));
  if (!name)
    {
      error_at (loc, "%qs attribute argument must be a string literal "
		"naming the key", PKEYPLUG_ATTR);
      return false;
    }
  if (!pkeyplug_valid_key_name (name))
    {
      if (name[0] == '\0')
	error_at (loc, "%qs attribute key name is empty", PKEYPLUG_ATTR);
      else if (strlen (name) > PKEYPLUG_NAME_MAX)
	error_at (loc, "%qs attribute key name %qs is longer than %d "
		  "characters", PKEYPLUG_ATTR, name, PKEYPLUG_NAME_MAX);
      else
	error_at (loc, "%qs attribute key name %qs is not an identifier "
		  "(letters, digits and %<_%>, not starting with a digit)",
		  PKEYPLUG_ATTR, name);
      return false;
    }
  use->key = pkeyplug_intern (name);

  if (!TREE_CHAIN (args))
    return true;

  const char *mode = narrow_string (attr_arg (TREE_CHAIN (args)));
  if (!mode)
    {
      error_at (loc, "second argument of %qs attribute must be a string "
		"literal", PKEYPLUG_ATTR);
      return false;
    }
  use->policy_given = true;
  if (is_function)
    {
      if (strcmp (mode, "read") == 0)
	use->grant = PKEYPLUG_GRANT_READ;
      else if (strcmp (mode, "readwrite") != 0)
	{
	  error_at (loc, "unknown access %qs in %qs attribute of a function; "
		    "expected %<read%> or %<readwrite%>", mode, PKEYPLUG_ATTR);
	  return false;
	}
    }
  else
    {
      if (strcmp (mode, "readonly") == 0)
	use->policy = PKEYPLUG_POLICY_READONLY;
      else if (strcmp (mode, "noaccess") != 0)
	{
	  error_at (loc, "unknown policy %qs in %qs attribute of a variable; "
		    "expected %<noaccess%> or %<readonly%>", mode,
		    PKEYPLUG_ATTR);
	  return false;
	}
    }
  return true;
}

static const char *
policy_name (unsigned policy)
{
  return policy == PKEYPLUG_POLICY_READONLY ? "readonly" : "noaccess";
}

/* Remember the policy of USE's key; a different one for the same key in
   this unit is an error.  */

static bool
check_policy (const struct pkey_use *use, location_t loc)
{
  tree key = get_identifier (use->key);
  unsigned i;
  key_policy *kp;
  FOR_EACH_VEC_ELT (key_policies, i, kp)
    if (kp->key == key)
      {
	if (kp->policy == use->policy)
	  return true;
	auto_diagnostic_group d;
	error_at (loc, "key %qs declared %qs here but %qs elsewhere in this "
		  "translation unit", use->key, policy_name (use->policy),
		  policy_name (kp->policy));
	inform (kp->loc, "key %qs first declared %qs here", use->key,
		policy_name (kp->policy));
	return false;
      }
  key_policy np = { key, use->policy, loc };
  key_policies.safe_push (np);
  return true;
}

/* The checks only a variable needs.  */

static bool
check_variable (tree decl, const struct pkey_use *use, location_t loc)
{
  if (DECL_REGISTER (decl))
    {
      error_at (loc, "%qs attribute on register variable %qD: only "
		"variables with static storage can be protected",
		PKEYPLUG_ATTR, decl);
      return false;
    }
  if (!TREE_STATIC (decl) && !DECL_EXTERNAL (decl))
    {
      error_at (loc, "%qs attribute on automatic variable %qD: only "
		"variables with static storage can be protected",
		PKEYPLUG_ATTR, decl);
      return false;
    }
  if (DECL_THREAD_LOCAL_P (decl))
    {
      error_at (loc, "%qs attribute on thread-local variable %qD: the copies "
		"of other threads live in memory the runtime cannot tag",
		PKEYPLUG_ATTR, decl);
      return false;
    }
  if (lookup_attribute ("alias", DECL_ATTRIBUTES (decl))
      || lookup_attribute ("weakref", DECL_ATTRIBUTES (decl)))
    {
      error_at (loc, "%qs attribute on alias %qD: protect the object it "
		"refers to", PKEYPLUG_ATTR, decl);
      return false;
    }
  if (lookup_attribute ("section", DECL_ATTRIBUTES (decl))
      || DECL_SECTION_NAME (decl))
    {
      error_at (loc, "%qs attribute conflicts with the %<section%> "
		"attribute of %qD: protected variables are placed in "
		"sections of their own", PKEYPLUG_ATTR, decl);
      return false;
    }
  tree prev = lookup_attribute (PKEYPLUG_ATTR, DECL_ATTRIBUTES (decl));
  if (prev)
    {
      struct pkey_use old;
      if (pkeyplug_read_use (prev, &old) && old.key != use->key)
	{
	  error_at (loc, "variable %qD protected by two keys, %qs and %qs",
		    decl, old.key, use->key);
	  return false;
	}
    }
  return check_policy (use, loc);
}

/* Keep the optimisers from reading DECL's initializer at compile time: for
   a const object they would copy the secret into the code as immediates,
   out of reach of any key.  A decl that is not TREE_READONLY is never
   folded; its type stays const, so writes are still rejected.  */

void
pkeyplug_forbid_folding (tree decl)
{
  TREE_READONLY (decl) = 0;
}

/* Handle a `pkey' attribute on *NODE.  */

static tree
handle_pkey_attribute (tree *node, tree name ATTRIBUTE_UNUSED, tree args,
		       int flags ATTRIBUTE_UNUSED, bool *no_add_attrs)
{
  tree decl = *node;
  location_t loc = DECL_P (decl) ? DECL_SOURCE_LOCATION (decl)
				 : input_location;
  struct pkey_use use;

  *no_add_attrs = true;
  if (TYPE_P (decl))
    {
      error_at (loc, "%qs attribute does not apply to types; put it on a "
		"variable or a function", PKEYPLUG_ATTR);
      return NULL_TREE;
    }
  switch (TREE_CODE (decl))
    {
    case VAR_DECL:
      if (!parse_args (args, false, loc, &use)
	  || !check_variable (decl, &use, loc))
	return NULL_TREE;
      pkeyplug_forbid_folding (decl);
      pkeyplug_note_keyed_decl (decl, use.key);
      break;

    case FUNCTION_DECL:
      if (!parse_args (args, true, loc, &use))
	return NULL_TREE;
      break;

    case FIELD_DECL:
      error_at (loc, "%qs attribute on field %qD: protect the whole "
		"variable instead", PKEYPLUG_ATTR, decl);
      return NULL_TREE;

    case PARM_DECL:
      error_at (loc, "%qs attribute on parameter %qD: only variables with "
		"static storage can be protected", PKEYPLUG_ATTR, decl);
      return NULL_TREE;

    case LABEL_DECL:
      error_at (loc, "%qs attribute does not apply to labels",
		PKEYPLUG_ATTR);
      return NULL_TREE;

    case TYPE_DECL:
      error_at (loc, "%qs attribute does not apply to types; put it on a "
		"variable or a function", PKEYPLUG_ATTR);
      return NULL_TREE;

    default:
      error_at (loc, "%qs attribute applies only to variables with static "
		"storage and to functions", PKEYPLUG_ATTR);
      return NULL_TREE;
    }
  *no_add_attrs = false;
  return NULL_TREE;
}

/* Read the attribute ATTR (a TREE_LIST from DECL_ATTRIBUTES) back into USE.
   The handler has checked it, so this only fails for attributes of other
   plugins that happen to share the name.  */

bool
pkeyplug_read_use (tree attr, struct pkey_use *use)
{
  tree args = TREE_VALUE (attr);
  if (!args)
    return false;
  const char *name = narrow_string (attr_arg (args));
  if (!name || !pkeyplug_valid_key_name (name))
    return false;
  memset (use, 0, sizeof *use);
  use->key = pkeyplug_intern (name);
  use->policy = PKEYPLUG_POLICY_NOACCESS;
  use->grant = PKEYPLUG_GRANT_READ | PKEYPLUG_GRANT_WRITE;
  if (TREE_CHAIN (args))
    {
      const char *mode = narrow_string (attr_arg (TREE_CHAIN (args)));
      if (!mode)
	return false;
      use->policy_given = true;
      if (strcmp (mode, "readonly") == 0)
	use->policy = PKEYPLUG_POLICY_READONLY;
      else if (strcmp (mode, "read") == 0)
	use->grant = PKEYPLUG_GRANT_READ;
    }
  return true;
}

/* The first and following pkey attributes of a declaration.  */

tree
pkeyplug_first_attr (tree decl)
{
  return lookup_attribute (PKEYPLUG_ATTR, DECL_ATTRIBUTES (decl));
}

tree
pkeyplug_next_attr (tree attr)
{
  return lookup_attribute (PKEYPLUG_ATTR, TREE_CHAIN (attr));
}

/* PLUGIN_ATTRIBUTES callback.  The spec is filled field by field because
   the order of attribute_spec's members changed across GCC versions.  */

void
pkeyplug_register_attributes (void *, void *)
{
  static struct attribute_spec spec;
  spec.name = PKEYPLUG_ATTR;
  spec.min_length = 1;
  spec.max_length = 2;
  /* We want to see types, fields and labels too, to reject them with an
     error rather than GCC's warning.  */
  spec.decl_required = false;
  spec.type_required = false;
  spec.function_type_required = false;
  spec.affects_type_identity = false;
  spec.handler = handle_pkey_attribute;
  spec.exclude = NULL;
  register_attribute (&spec);
}
