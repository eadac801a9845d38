/* pkeyplug-plugin.h -- what the parts of the pkeyplug plugin share.

   pkeyplug.cc   plugin_init: version check, arguments, callbacks
   attribs.cc    the `pkey' attribute: parsing and checking
   layout.cc     where protected objects go (sections, page padding)
   registry.cc   key descriptors and the per-unit table, note and constructor
   passes.cc     the pass classes, made from a name and a function
   options.cc    the values of the plugin's arguments
   gate-build.cc asm operands, barriers, runtime declarations
   grants.cc     which keys a function grants, and how
   gates.cc      the pass that wraps granting functions in gates
   split.cc      scrub-stack: a granting function's body in a function of
		 its own, whose frame is dead when the grant closes
   sealed.cc     the gates that check each PKRU value against a ledger
   guards.cc     rights on non-local exits: setjmp/longjmp, exit
   redirect.cc   calls of functions that start threads go to the runtime
   elide.cc      removing gates inlined where their key is held
   twins.cc      gate-free copies of exported grants, for callers that
		 hold their keys
   redecl.cc     every declaration of a protected variable names its key
   unguarded.cc  warnings for accesses made without the key
   flows.cc      where protected data goes: copies, output, returns
   flows-report.cc  the JSON report of flows.cc for reviewers
   flows-keep.cc the functions the unit cannot see that keep data inside
   intern.cc     names kept across garbage collection  */

#ifndef PKEYPLUG_PLUGIN_H
#define PKEYPLUG_PLUGIN_H

#include "pkeyplug-abi.h"
#include "pkeyplug-asm.h"

/* The attribute's name, as users write it.  */
#define PKEYPLUG_ATTR "pkey"

/* A gate kind no descriptor holds: elide.cc puts it in place of the
   reads of the gate kind of a gate that can go (and deletes the gate's
   calls), so that constant folding deletes the rest.  */
#define PKEYPLUG_GATE_ELIDED 0x7fffffff

/* One `pkey' attribute, read back from a declaration.  */
struct pkey_use
{
  const char *key;		/* The key name, from pkeyplug_intern.  */
  unsigned policy;		/* PKEYPLUG_POLICY_* (variables).  */
  unsigned grant;		/* PKEYPLUG_GRANT_* (functions).  */
  bool policy_given;		/* A second argument was written.  */
};

/* attribs.cc */
extern void pkeyplug_register_attributes (void *, void *);
extern bool pkeyplug_read_use (tree attr, struct pkey_use *use);
extern bool pkeyplug_valid_key_name (const char *s);
extern tree pkeyplug_first_attr (tree decl);
extern tree pkeyplug_next_attr (tree attr);
extern void pkeyplug_forbid_folding (tree decl);

/* pointers.cc */
extern void pkeyplug_check_pointees (tree decl, const char *key);

/* layout.cc */
extern void pkeyplug_finish_decl (void *, void *);
extern void pkeyplug_init_layout (void);
extern const char *pkeyplug_section_name (const char *key, bool readonly,
					  bool bss);
extern void pkeyplug_asm_first (const char *text, size_t len);
extern bool pkeyplug_section_p (const char *sec);
extern bool pkeyplug_place_variable (tree decl, const char *key,
				     bool *readonly);

/* registry.cc */
extern tree pkeyplug_key_descriptor (const char *key);
extern tree pkeyplug_desc_ref (tree desc, const char *field);
extern void pkeyplug_note_key_use (const char *key, location_t loc);
extern opt_pass *pkeyplug_make_unit_table_pass (gcc::context *);

/* unguarded.cc */
extern bool pkeyplug_warn_unguarded;
extern void pkeyplug_check_unguarded (tree fndecl);
extern opt_pass *pkeyplug_make_unguarded_check_pass (gcc::context *);
extern opt_pass *pkeyplug_make_unguarded_pass (gcc::context *);
extern bool pkeyplug_callers_hold_key (tree fndecl, const char *key,
				       unsigned need);

/* flows.cc */
/* -fplugin-arg-pkeyplug-warn-flows=no turns the flow warnings off;
   taint=derived follows values computed from protected data too.  */
extern bool pkeyplug_warn_flows;
extern bool pkeyplug_taint_derived;
extern opt_pass *pkeyplug_make_flows_pass (gcc::context *);

/* flows-keep.cc */
/* -fplugin-arg-pkeyplug-flows-keep=NAME[,NAME...]: more functions that
   keep protected data inside.  */
extern bool pkeyplug_flows_keep_argument (const char *value);
extern bool pkeyplug_flows_keeps_inside (tree fndecl, const char *key);

/* flows-report.cc */
/* -fplugin-arg-pkeyplug-flows=FILE: where the JSON report goes.  */
extern const char *pkeyplug_flows_file;
extern void pkeyplug_flows_note_sink (const char *key, const char *kind,
				      tree fn, location_t loc, tree source,
				      location_t source_loc, bool derived,
				      tree via, tree callee);
extern void pkeyplug_flows_note_declassify (tree fn, tree decl,
					    location_t loc);
extern void pkeyplug_flows_write (void);

/* redecl.cc */
extern void pkeyplug_note_keyed_decl (tree decl, const char *key);
extern bool pkeyplug_check_redecl (tree decl);

/* passes.cc */
extern opt_pass *pkeyplug_function_pass (gcc::context *ctxt, const char *name,
					 unsigned int properties_required,
					 unsigned int (*execute) (function *));
extern opt_pass *pkeyplug_unit_pass (gcc::context *ctxt, const char *name,
				     timevar_id_t tv, bool (*gate) (void),
				     unsigned int (*execute) (void));

/* gate-build.cc */
/* Each WRPKRU of a gate is listed (pkeyplug-asm.h), so that
   pkeyplug-scan and scan=1 can tell the gates from stray WRPKRU byte
   sequences an attacker could jump to.  */
#define WRPKRU_ASM PKEYPLUG_ASM_LISTED_WRPKRU ("")
extern tree pkeyplug_asm_operand (const char *constraint, tree value);
extern tree pkeyplug_asm_clobber (const char *what);
extern gasm *pkeyplug_barrier_asm (const char *text, vec<tree, va_gc> *inputs,
				   vec<tree, va_gc> *outputs,
				   vec<tree, va_gc> *clobbers);
extern tree pkeyplug_runtime_function (const char *name, tree type);

/* grants.cc */
/* Marks the function split.cc moved a granting function's body into;
   its value is the granting function.  A space keeps users from writing
   it.  */
#define PKEYPLUG_BODY_ATTR "pkeyplug body"
extern tree pkeyplug_split_origin (tree fndecl);
/* Marks a twin (twins.cc) and names the function it copies.  */
#define PKEYPLUG_TWIN_ATTR "pkeyplug twin"
extern tree pkeyplug_twin_origin (tree fndecl);
extern void pkeyplug_collect_grants (tree fndecl, vec<pkey_use> *uses);
extern unsigned pkeyplug_function_grant (tree fndecl, const char *key);
extern bool pkeyplug_grants_p (tree fndecl);
extern bool pkeyplug_holds_grants_of_p (tree caller, tree callee);

/* gates.cc */
extern void pkeyplug_add_reopen (gimple_seq *seq, tree fndecl,
				 location_t loc);
extern opt_pass *pkeyplug_make_gate_pass (gcc::context *);

/* split.cc */
extern opt_pass *pkeyplug_make_split_pass (gcc::context *);

/* sealed.cc */
extern gasm *pkeyplug_sealed_entry (tree desc, unsigned grant, tree saved);
extern gasm *pkeyplug_sealed_exit (tree desc, unsigned grant, tree saved);

/* elide.cc */
extern opt_pass *pkeyplug_make_elide_pass (gcc::context *);

/* twins.cc */
extern opt_pass *pkeyplug_make_twins_pass (gcc::context *);

/* guards.cc */
extern void pkeyplug_guard_nonlocal_exits (tree fndecl);
extern opt_pass *pkeyplug_make_guard_pass (gcc::context *);
extern void pkeyplug_guard_exit_initializer (void *event_data, void *);

/* redirect.cc */
extern void pkeyplug_redirect_thread_starts (tree fndecl);
extern opt_pass *pkeyplug_make_redirect_pass (gcc::context *);

/* intern.cc */
extern const char *pkeyplug_intern (const char *name);
extern void pkeyplug_register_intern_roots (const char *plugin_name);
extern void pkeyplug_keep (tree t);

/* options.cc */
extern bool pkeyplug_verbose;
/* Keys -fplugin-arg-pkeyplug-grant-all gives every function of the unit.  */
extern vec<pkey_use> pkeyplug_grant_all;
/* Keys -fplugin-arg-pkeyplug-grant-exported gives every function the unit
   exports (public, default visibility): a library's entry points.  */
extern vec<pkey_use> pkeyplug_grant_exported;
/* zero_call_used_regs choice for granting functions ("none", "used",
   "all"), and bytes of stack to clear when a grant closes.  */
extern const char *pkeyplug_scrub;
extern unsigned HOST_WIDE_INT pkeyplug_scrub_stack;
/* The style of the gates the plugin emits,
   -fplugin-arg-pkeyplug-gates=checked (the default), fast or sealed;
   not to be confused with a descriptor's gate kind (PKEYPLUG_GATE_*),
   how the runtime enforces one key.  */
enum pkeyplug_gate_style
{
  PKEYPLUG_CHECKED_GATES,
  PKEYPLUG_FAST_GATES,
  PKEYPLUG_SEALED_GATES
};
extern enum pkeyplug_gate_style pkeyplug_gate_style;

#endif /* PKEYPLUG_PLUGIN_H */
