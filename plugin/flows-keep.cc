/* flows-keep.cc -- which functions the unit cannot see keep protected
   data inside (flows.cc).

   A grant that passes its secret, or the secret's address, to a function
   whose body the unit does not have lets that function read it while the
   key is open: it may copy it anywhere, and flows.cc cannot look.  Such a
   call is a sink (kind `call'), except for a function known to keep the
   data inside:

     - one declared const or pure (GCC's built-ins and the C library
       declare memcmp, strlen, strcmp... so): it can neither store nor
       write anything, and what it returns is followed as a computed
       value (taint=derived);
     - one of the library functions below, which read or clear memory and
       keep nothing (memset, explicit_bzero, free, the constant-time
       comparisons of the crypto libraries...), under their __builtin_
       and _FORTIFY_SOURCE spellings too;
     - the runtime's own (pkeyplug_* and __pkeyplug_*), which handles
       heap blocks of a key;
     - one that grants the data's key in its declaration
       (PKEY_GRANT ("vault") void hash_key (const void *);): its own unit
       checks its body;
     - one named by -fplugin-arg-pkeyplug-flows-keep=NAME[,NAME...], for
       a library the reviewer has checked (a hash's update function).

   A call through a pointer keeps nothing inside: the pointer may be
   anything the attacker wrote.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "calls.h"

static const char *const library_keepers[] =
{
  "memcmp", "bcmp", "strcmp", "strncmp", "strcasecmp", "strncasecmp",
  "strlen", "strnlen", "memchr", "memrchr", "rawmemchr", "strchr",
  "strrchr", "strstr", "strspn", "strcspn", "strpbrk",
  "memset", "bzero", "explicit_bzero", "memset_explicit",
  "__memset_chk", "__explicit_bzero_chk", "free",
  "timingsafe_bcmp", "timingsafe_memcmp", "CRYPTO_memcmp",
  "OPENSSL_cleanse", "sodium_memcmp", "sodium_memzero"
};

/* Names given with flows-keep=, interned.  */
static auto_vec<const char *> user_keepers;

/* Parse the value of flows-keep; false after reporting an error.  */

bool
pkeyplug_flows_keep_argument (const char *value)
{
  if (!value || !*value)
    {
      error (G_("pkeyplug: %<flows-keep%> needs a value: "
		"%<flows-keep=NAME[,NAME...]%>"));
      return false;
    }
  char *copy = xstrdup (value);
  bool ok = true;
  for (char *item = strtok (copy, ","); item; item = strtok (NULL, ","))
    {
      /* A C identifier (the assembler name of a C++ function too).  */
      bool valid = ISIDST (*item);
      for (const char *p = item; *p && valid; p++)
	valid = ISIDNUM (*p);
      if (!valid)
	{
	  error (G_("pkeyplug: %<flows-keep%> name %qs is not an "
		    "identifier"), item);
	  ok = false;
	  continue;
	}
      user_keepers.safe_push (pkeyplug_intern (item));
    }
  free (copy);
  return ok;
}

/* Does NAME start with PREFIX?  */

static bool
starts_with (const char *name, const char *prefix)
{
  return strncmp (name, prefix, strlen (prefix)) == 0;
}

/* Does FNDECL (NULL: a call through a pointer), which the unit cannot
   see, keep protected data of KEY inside?  KEY NULL: data of a key the
   caller does not know (what a parameter brings).  */

bool
pkeyplug_flows_keeps_inside (tree fndecl, const char *key)
{
  if (!fndecl || !DECL_NAME (fndecl))
    return false;
  if (flags_from_decl_or_type (fndecl) & (ECF_CONST | ECF_PURE))
    return true;
  if (key && (pkeyplug_function_grant (fndecl, key) & PKEYPLUG_GRANT_READ))
    return true;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  if (starts_with (name, "pkeyplug_") || starts_with (name, "__pkeyplug_"))
    return true;
  if (starts_with (name, "__builtin_"))
    name += strlen ("__builtin_");
  for (const char *k : library_keepers)
    if (strcmp (k, name) == 0)
      return true;
  for (const char *k : user_keepers)
    if (strcmp (k, name) == 0
	|| strcmp (k, IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl))) == 0)
      return true;
  return false;
}
