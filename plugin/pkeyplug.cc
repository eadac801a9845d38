/* pkeyplug.cc -- entry point of the pkeyplug GCC plugin.

   Usage:  gcc -fplugin=pkeyplug [-fplugin-arg-pkeyplug-verbose] ...

   Arguments (-fplugin-arg-pkeyplug-NAME[=VALUE]):
     verbose             report, as notes, each protected variable and
			 each grant.
     grant-all=KEY[:read][,KEY[:read]...]
			 every function defined in the unit holds these
			 keys (read-write, or read-only with :read): the
			 whole file is a trusted compartment.
     grant-exported=KEY[:read][,KEY[:read]...]
			 every function the unit exports (public, default
			 visibility) holds these keys: a library's entry
			 points, without an attribute on each.
     scrub=none|used|all  on the way out of a granting function, clear the
			 call-used registers it used (default), all of
			 them, or none (GCC's zero_call_used_regs).
     scrub-stack=BYTES   when a granting function closes a key it had
			 opened, zero BYTES of stack below it (default 0);
			 its body runs as a function of its own, so that
			 its frame is among them (split.cc).
     warn-unguarded=no   no warning for accesses made without the key.
     warn-flows=no       no warning where protected data leaves its key
			 (flows.cc).
     taint=direct|derived
			 follow copies of protected data only (default),
			 or values computed from it too.
     flows=FILE          write, as JSON, where each key's data goes
			 (flows-report.cc).
     gates=checked|fast|sealed
			 checked (default): an exit gate restores only its
			 own key's bits, read again from PKRU, and traps
			 if the value it wrote leaves its key open; fast:
			 the exit gate writes back the PKRU value saved on
			 entry (one RDPKRU less, no check); sealed: every
			 gate records the grant in the runtime's ledger and
			 checks each value it writes against it (two
			 WRPKRU per gate, see gates.cc).
   Any other argument is an error: a misspelt option must not silently
   leave secrets unprotected.

     version             print the plugin's version (a note).

   The plugin predefines __PKEYPLUG__ (the ABI version) so that pkeyplug.h
   can refuse to compile protected code without it, and its version as
   __PKEYPLUG_VERSION_MAJOR__, __PKEYPLUG_VERSION_MINOR__ and
   __PKEYPLUG_VERSION_PATCHLEVEL__.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "plugin-version.h"
#include "pkeyplug-version.h"

int plugin_is_GPL_compatible;

static struct plugin_info pkeyplug_info =
{
  PKEYPLUG_VERSION_STRING,
  "Memory protection keys for variables and functions: "
  "-fplugin-arg-pkeyplug-verbose reports what is protected"
};

/* True if the input is already preprocessed (-fpreprocessed, which the
   driver passes for .i files): there is nothing to define then.  */

static bool
input_preprocessed_p (void)
{
  for (unsigned int i = 0; i < save_decoded_options_count; i++)
    if (save_decoded_options[i].opt_index == OPT_fpreprocessed)
      return true;
  return false;
}

/* PLUGIN_PRAGMAS callback: define __PKEYPLUG__ for the C family front
   ends.  This event comes before the first token of the unit, with -E
   too, so a separate preprocessing step (ccache, -save-temps) sees the
   macro.  The preprocessor is looked up at run time: lto1 has none, and a
   plugin that named parse_in directly could not be loaded into it
   (compat.h finds cpp_define the same way).  */

static void
define_macro (void *, void *)
{
  void **reader = (void **) dlsym (RTLD_DEFAULT, "parse_in");
  pkeyplug_cpp_define_fn define = pkeyplug_find_cpp_define ();
  if (!reader || !*reader || !define || input_preprocessed_p ())
    return;
  define (*reader, "__PKEYPLUG__=" PKEYPLUG_ABI_VERSION_STRING);
  static const struct { const char *name; int value; } parts[] = {
    { "MAJOR", PKEYPLUG_VERSION_MAJOR },
    { "MINOR", PKEYPLUG_VERSION_MINOR },
    { "PATCHLEVEL", PKEYPLUG_VERSION_PATCHLEVEL }
  };
  for (const auto &part : parts)
    {
      char def[64];
      snprintf (def, sizeof def, "__PKEYPLUG_VERSION_%s__=%d", part.name,
		part.value);
      define (*reader, def);
    }
}

/* Parse VALUE, the keys of grant-all or grant-exported (ARG names which),
   into USES; false after reporting an error.  */

static bool
parse_grant_keys (const char *arg, const char *value, vec<pkey_use> *uses)
{
  if (!value || !*value)
    {
      error (G_("pkeyplug: %qs needs a value: "
		"%<%s=KEY[:read][,KEY[:read]...]%>"), arg, arg);
      return false;
    }
  char *copy = xstrdup (value);
  bool ok = true;
  for (char *item = strtok (copy, ","); item; item = strtok (NULL, ","))
    {
      pkey_use use;
      memset (&use, 0, sizeof use);
      use.grant = PKEYPLUG_GRANT_READ | PKEYPLUG_GRANT_WRITE;
      char *colon = strchr (item, ':');
      if (colon)
	{
	  *colon = '\0';
	  if (strcmp (colon + 1, "read") == 0)
	    use.grant = PKEYPLUG_GRANT_READ;
	  else if (strcmp (colon + 1, "readwrite") != 0)
	    {
	      error (G_("pkeyplug: unknown access %qs in %qs; "
			"expected %<read%> or %<readwrite%>"), colon + 1, arg);
	      ok = false;
	      continue;
	    }
	}
      if (!pkeyplug_valid_key_name (item))
	{
	  error (G_("pkeyplug: %qs key name %qs is not an "
		    "identifier of at most %d characters"), arg, item,
		 PKEYPLUG_NAME_MAX);
	  ok = false;
	  continue;
	}
      use.key = pkeyplug_intern (item);
      uses->safe_push (use);
    }
  free (copy);
  return ok;
}

/* Parse the plugin's arguments; false after reporting an error.  */

static bool
parse_arguments (struct plugin_name_args *info)
{
  bool ok = true;
  for (int i = 0; i < info->argc; i++)
    {
      const char *key = info->argv[i].key;
      const char *value = info->argv[i].value;
      if (strcmp (key, "verbose") == 0 && !value)
	pkeyplug_verbose = true;
      else if (strcmp (key, "version") == 0 && !value)
	inform (UNKNOWN_LOCATION, "pkeyplug %s (ABI version %s), built for "
		"GCC %s", PKEYPLUG_VERSION_STRING,
		PKEYPLUG_ABI_VERSION_STRING, gcc_version.basever);
      else if (strcmp (key, "grant-all") == 0)
	ok &= parse_grant_keys (key, value, &pkeyplug_grant_all);
      else if (strcmp (key, "grant-exported") == 0)
	ok &= parse_grant_keys (key, value, &pkeyplug_grant_exported);
      else if (strcmp (key, "warn-unguarded") == 0 && value
	       && (strcmp (value, "no") == 0 || strcmp (value, "yes") == 0))
	pkeyplug_warn_unguarded = strcmp (value, "yes") == 0;
      else if (strcmp (key, "warn-flows") == 0 && value
	       && (strcmp (value, "no") == 0 || strcmp (value, "yes") == 0))
	pkeyplug_warn_flows = strcmp (value, "yes") == 0;
      else if (strcmp (key, "taint") == 0 && value
	       && (strcmp (value, "direct") == 0
		   || strcmp (value, "derived") == 0))
	pkeyplug_taint_derived = strcmp (value, "derived") == 0;
      else if (strcmp (key, "flows") == 0 && value && *value)
	pkeyplug_flows_file = value;
      else if (strcmp (key, "flows-keep") == 0)
	ok &= pkeyplug_flows_keep_argument (value);
      else if (strcmp (key, "scrub") == 0 && value
	       && (strcmp (value, "none") == 0 || strcmp (value, "used") == 0
		   || strcmp (value, "all") == 0))
	pkeyplug_scrub = value;
      else if (strcmp (key, "scrub-stack") == 0 && value && ISDIGIT (*value)
	       && strlen (value) <= 9 && strspn (value, "0123456789")
					 == strlen (value))
	pkeyplug_scrub_stack = atoi (value);
      else if (strcmp (key, "gates") == 0 && value
	       && (strcmp (value, "checked") == 0
		   || strcmp (value, "fast") == 0
		   || strcmp (value, "sealed") == 0))
	pkeyplug_gate_style = (strcmp (value, "checked") == 0
			       ? PKEYPLUG_CHECKED_GATES
			       : strcmp (value, "fast") == 0
			       ? PKEYPLUG_FAST_GATES : PKEYPLUG_SEALED_GATES);
      else
	{
	  error (G_("pkeyplug: unknown plugin argument %<%s%s%s%>; "
		    "valid: %<verbose%>, %<version%>, "
		    "%<grant-all=KEY[:read]%>, %<grant-exported=KEY[:read]%>, "
		    "%<scrub=none|used|all%>, %<scrub-stack=BYTES%>, "
		    "%<warn-unguarded=no%>, %<warn-flows=no%>, "
		    "%<taint=direct|derived%>, %<flows=FILE%>, "
		    "%<flows-keep=NAME[,NAME...]%>, "
		    "%<gates=checked|fast|sealed%>"),
		 key, value ? "=" : "", value ? value : "");
	  ok = false;
	}
    }
  return ok;
}

/* Put PASS at POS relative to instance INSTANCE of pass REFERENCE (0:
   every instance).  */

static void
add_pass (const char *name, opt_pass *pass, const char *reference,
	  enum pass_positioning_ops pos, int instance = 1)
{
  struct register_pass_info info;
  info.pass = pass;
  info.reference_pass_name = reference;
  info.ref_pass_instance_number = instance;
  info.pos_op = pos;
  register_callback (name, PLUGIN_PASS_MANAGER_SETUP, NULL, &info);
}

int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error (G_("pkeyplug: built for GCC %s, loaded into GCC %s; rebuild "
		"it with %<configure --with-gcc=...%>"),
	     gcc_version.basever, version->basever);
      return 1;
    }
  const char *name = info->base_name;
  pkeyplug_register_intern_roots (name);
  if (!parse_arguments (info))
    return 1;

  pkeyplug_init_layout ();
  register_callback (name, PLUGIN_INFO, NULL, &pkeyplug_info);
  register_callback (name, PLUGIN_ATTRIBUTES, pkeyplug_register_attributes,
		     NULL);
  register_callback (name, PLUGIN_PRAGMAS, define_macro, NULL);
  register_callback (name, PLUGIN_FINISH_DECL, pkeyplug_finish_decl, NULL);
  register_callback (name, PLUGIN_FINISH_DECL,
		     pkeyplug_guard_exit_initializer, NULL);

  /* First of all lowering passes: the moved body goes through all of
     them, once.  */
  add_pass (name, pkeyplug_make_split_pass (g), "*warn_unused_result",
	    PASS_POS_INSERT_BEFORE);
  /* Just before lowering, in the order registered: record the accesses
     made without the key (the body is still the user's), guard the
     non-local exits, redirect thread starts, then wrap the body in
     gates.  */
  add_pass (name, pkeyplug_make_unguarded_check_pass (g), "lower",
	    PASS_POS_INSERT_BEFORE);
  add_pass (name, pkeyplug_make_guard_pass (g), "lower",
	    PASS_POS_INSERT_BEFORE);
  add_pass (name, pkeyplug_make_redirect_pass (g), "lower",
	    PASS_POS_INSERT_BEFORE);
  add_pass (name, pkeyplug_make_gate_pass (g), "lower",
	    PASS_POS_INSERT_BEFORE);
  add_pass (name, pkeyplug_make_unit_table_pass (g), "*free_lang_data",
	    PASS_POS_INSERT_AFTER);
  add_pass (name, pkeyplug_make_unguarded_pass (g), "*free_lang_data",
	    PASS_POS_INSERT_AFTER);
  /* As soon as the unit is in SSA form, before anything is inlined or
     folded: the same code at every level.  */
  add_pass (name, pkeyplug_make_flows_pass (g), "build_ssa_passes",
	    PASS_POS_INSERT_AFTER);
  /* After the flows, which must see each function once; before the
     early inliner.  */
  add_pass (name, pkeyplug_make_twins_pass (g), "pkeyplug_flows",
	    PASS_POS_INSERT_AFTER);
  /* After each constant propagation: the first follows early inlining,
     a later one the inlining of the IPA passes.  */
  add_pass (name, pkeyplug_make_elide_pass (g), "ccp",
	    PASS_POS_INSERT_AFTER, 0);
  return 0;
}
