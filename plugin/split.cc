/* split.cc -- with scrub-stack, move the body of each granting function
   into a function of its own, so that its frame is dead when the grant
   closes.

   -fplugin-arg-pkeyplug-scrub-stack=BYTES makes the exit gate of a grant
   that closes its key clear BYTES of the dead stack below the stack
   pointer.  The exit gate runs inside the granting function, whose own
   frame (its locals, its spills, the secret-derived values its callees
   saved there with the callee-saved registers) is still in use at that
   moment.  This pass, the first of the lowering passes (gates.cc's comes
   later), turns

     T f (ARGS) { BODY }
   into
     T f (ARGS) { return f.pkeyplug.N (ARGS); }     gates.cc wraps this
     static T f.pkeyplug.N (ARGS) { BODY }            noinline, noipa

   so that the body's frame lies below the stack pointer, with its
   callees' frames, by the time f's exit gate clears the stack.  f may
   still be inlined into its callers: its gates and the call go with it.

   The body is moved, not copied: the new function takes over f's
   parameters, result, local declarations, blocks and GIMPLE, and f gets
   fresh parameters and a fresh result; nothing in the body needs to be
   rewritten but the function its declarations belong to.  The new
   function holds f's keys (elide.cc and the unguarded-access warnings ask
   pkeyplug_function_grant, which follows the marker attribute back to
   f) and gets no gates of its own.

   A function that cannot be moved so keeps its body, with a warning that
   its own frame is not cleared (split_refusal says why): varargs, GNU C
   nested functions and the functions that contain them, setjmp,
   non-local or address-taken labels, built-ins that look at the frame or
   the caller, objects passed or returned by invisible reference (C++),
   OpenMP, coroutines.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "tree-ssa.h"

/* What refusal_stmt finds in a body.  */
struct refusal_walk
{
  const char *why;
};

/* Built-ins that look at the frame or the caller of the function they
   are called in: moved into another function, they would see another.  */

static bool
frame_builtin_p (tree fn)
{
  if (!fn || !fndecl_built_in_p (fn, BUILT_IN_NORMAL))
    return false;
  switch (DECL_FUNCTION_CODE (fn))
    {
    case BUILT_IN_RETURN_ADDRESS:
    case BUILT_IN_FRAME_ADDRESS:
    case BUILT_IN_DWARF_CFA:
    case BUILT_IN_APPLY_ARGS:
    case BUILT_IN_APPLY:
    case BUILT_IN_VA_ARG_PACK:
    case BUILT_IN_VA_ARG_PACK_LEN:
    case BUILT_IN_NEXT_ARG:
    case BUILT_IN_EH_RETURN:
    case BUILT_IN_UNWIND_INIT:
    case BUILT_IN_SETJMP:
    case BUILT_IN_SETJMP_SETUP:
    case BUILT_IN_NONLOCAL_GOTO:
      return true;
    default:
      return false;
    }
}

/* Is the call at GSI the return address -finstrument-functions passes to
   the profiling hook that follows it?  Moved with the hook, it names the
   granting function as the body's caller: a profile can live with
   that.  */

static bool
profile_call_site_p (gimple_stmt_iterator gsi)
{
  tree lhs = gimple_call_lhs (gsi_stmt (gsi));
  gsi_next (&gsi);
  if (!lhs || gsi_end_p (gsi))
    return false;
  gcall *hook = dyn_cast <gcall *> (gsi_stmt (gsi));
  tree fn = hook ? gimple_call_fndecl (hook) : NULL_TREE;
  return (fn && (fndecl_built_in_p (fn, BUILT_IN_PROFILE_FUNC_ENTER)
		 || fndecl_built_in_p (fn, BUILT_IN_PROFILE_FUNC_EXIT))
	  && gimple_call_num_args (hook) == 2
	  && gimple_call_arg (hook, 1) == lhs);
}

static tree
refusal_stmt (gimple_stmt_iterator *gsi, bool *handled,
	      struct walk_stmt_info *wi)
{
  struct refusal_walk *rw = (struct refusal_walk *) wi->info;
  gimple *stmt = gsi_stmt (*gsi);
  *handled = false;
  if (rw->why)
    return NULL_TREE;
  if (gcall *call = dyn_cast <gcall *> (stmt))
    {
      tree fn = gimple_call_fndecl (call);
      if (gimple_call_flags (call) & ECF_RETURNS_TWICE)
	rw->why = "it calls a function that returns twice";
      else if (frame_builtin_p (fn) && !profile_call_site_p (*gsi))
	rw->why = "it calls a built-in that depends on its frame or caller";
    }
  else if (glabel *label = dyn_cast <glabel *> (stmt))
    {
      tree decl = gimple_label_label (label);
      if (DECL_NONLOCAL (decl))
	rw->why = "a nested function jumps to one of its labels";
      else if (FORCED_LABEL (decl))
	rw->why = "it takes the address of a label";
    }
  else if (is_gimple_omp (stmt))
    rw->why = "it contains OpenMP or OpenACC constructs";
  return NULL_TREE;
}

/* Why FUN's body cannot be moved into a function of its own, or NULL.  */

static const char *
split_refusal (function *fun)
{
  tree fndecl = fun->decl;
  tree fntype = TREE_TYPE (fndecl);
  if (symtab->state != CONSTRUCTION || !gimple_body (fndecl))
    return "it is compiled too late";
  if (stdarg_p (fntype))
    return "it takes variable arguments";
  /* GNU C nested functions (not C++ lambdas and members of local
     classes, whose context is a class): tree-nested.cc has made them
     share a frame object with the function around them.  */
  if ((DECL_CONTEXT (fndecl)
       && TREE_CODE (DECL_CONTEXT (fndecl)) == FUNCTION_DECL)
      || DECL_STATIC_CHAIN (fndecl) || fun->static_chain_decl)
    return "it is a nested function";
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (DECL_CONTEXT (node->decl) == fndecl)
      return "it contains nested functions";
  if (fun->has_nonlocal_label)
    return "a nested function jumps to one of its labels";
  if (fun->has_forced_label_in_static)
    return "it takes the address of a label";
  if (fun->calls_eh_return)
    return "it calls a built-in that depends on its frame or caller";
  if (fun->coroutine_component)
    return "it is part of a coroutine";
  if (lookup_attribute ("interrupt", DECL_ATTRIBUTES (fndecl))
      || lookup_attribute ("target_clones", DECL_ATTRIBUTES (fndecl))
      || lookup_attribute ("omp declare simd", DECL_ATTRIBUTES (fndecl))
      || DECL_FUNCTION_VERSIONED (fndecl))
    return "its attributes make copies of it or change how it is called";
  tree result = DECL_RESULT (fndecl);
  if (result && (DECL_BY_REFERENCE (result)
		 || TREE_ADDRESSABLE (TREE_TYPE (result))))
    return "it returns an object by invisible reference";
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
    if (DECL_BY_REFERENCE (p) || TREE_ADDRESSABLE (TREE_TYPE (p))
	|| DECL_HAS_VALUE_EXPR_P (p)
	|| variably_modified_type_p (TREE_TYPE (p), NULL_TREE))
      return "a parameter is passed by invisible reference or has a "
	"variably modified type";
  struct refusal_walk rw = { NULL };
  struct walk_stmt_info wi;
  memset (&wi, 0, sizeof wi);
  wi.info = &rw;
  walk_gimple_seq (gimple_body (fndecl), refusal_stmt, NULL, &wi);
  return rw.why;
}

/* Give every declaration of FROM's body that belongs to FROM to TO: the
   local declarations, the blocks' variables, labels and anything else
   the statements name.  */

static tree
reparent_op (tree *tp, int *walk_subtrees, void *data)
{
  struct walk_stmt_info *wi = (struct walk_stmt_info *) data;
  tree *fns = (tree *) wi->info;
  if (DECL_P (*tp) && DECL_CONTEXT (*tp) == fns[0])
    DECL_CONTEXT (*tp) = fns[1];
  if (TYPE_P (*tp) || DECL_P (*tp))
    *walk_subtrees = 0;
  return NULL_TREE;
}

static tree
reparent_stmt (gimple_stmt_iterator *gsi, bool *handled,
	       struct walk_stmt_info *wi)
{
  tree *fns = (tree *) wi->info;
  *handled = false;
  if (glabel *label = dyn_cast <glabel *> (gsi_stmt (*gsi)))
    if (DECL_CONTEXT (gimple_label_label (label)) == fns[0])
      DECL_CONTEXT (gimple_label_label (label)) = fns[1];
  return NULL_TREE;
}

static void
reparent_block (tree block, tree from, tree to)
{
  for (; block; block = BLOCK_CHAIN (block))
    {
      for (tree v = BLOCK_VARS (block); v; v = DECL_CHAIN (v))
	if (DECL_CONTEXT (v) == from)
	  DECL_CONTEXT (v) = to;
      reparent_block (BLOCK_SUBBLOCKS (block), from, to);
    }
}

static void
reparent (tree from, tree to, function *fun)
{
  unsigned i;
  tree v;
  FOR_EACH_VEC_SAFE_ELT (fun->local_decls, i, v)
    if (DECL_CONTEXT (v) == from)
      DECL_CONTEXT (v) = to;
  reparent_block (DECL_INITIAL (to), from, to);
  tree fns[2] = { from, to };
  struct walk_stmt_info wi;
  memset (&wi, 0, sizeof wi);
  wi.info = fns;
  walk_gimple_seq (gimple_body (to), reparent_stmt, reparent_op, &wi);
}

/* The attributes the body keeps of FNDECL's: the keys, and those that
   change how its code is generated or checked; then the marker and what
   keeps it out of line.  */

static tree
body_attributes (tree fndecl)
{
  static const char *const kept[] = {
    PKEYPLUG_ATTR, "zero_call_used_regs", "target", "optimize", "cold",
    "hot", "noreturn", "no_stack_protector", "stack_protect",
    "no_sanitize", "no_sanitize_address", "no_address_safety_analysis",
    "no_sanitize_thread", "no_sanitize_undefined", "no_sanitize_coverage",
    "no_profile_instrument_function", "no_instrument_function",
    "no_split_stack", "indirect_branch", "function_return",
    "fentry_name", "fentry_section", "nocf_check", "cf_check"
  };
  tree attrs = NULL_TREE;
  for (tree a = DECL_ATTRIBUTES (fndecl); a; a = TREE_CHAIN (a))
    for (unsigned i = 0; i < ARRAY_SIZE (kept); i++)
      if (is_attribute_p (kept[i], get_attribute_name (a)))
	attrs = tree_cons (get_attribute_name (a), TREE_VALUE (a), attrs);
  attrs = nreverse (attrs);
  static const char *const added[] = { "noinline", "noclone", "noipa" };
  for (unsigned i = 0; i < ARRAY_SIZE (added); i++)
    attrs = tree_cons (get_identifier (added[i]), NULL_TREE, attrs);
  return tree_cons (get_identifier (PKEYPLUG_BODY_ATTR),
		    build_tree_list (NULL_TREE, fndecl), attrs);
}

/* The declaration of the function FNDECL's body moves into.  */

static tree
build_body_decl (tree fndecl)
{
  tree fntype = TREE_TYPE (fndecl);
  tree type = fntype;
  if (TREE_CODE (fntype) == METHOD_TYPE || !prototype_p (fntype))
    {
      /* A member function's body is an ordinary function taking `this';
	 an old-style definition's gets a prototype of its parameters.  */
      tree args = TYPE_ARG_TYPES (fntype);
      if (!prototype_p (fntype))
	{
	  auto_vec<tree> types;
	  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
	    types.safe_push (TREE_TYPE (p));
	  args = void_list_node;
	  for (unsigned i = types.length (); i-- > 0;)
	    args = tree_cons (NULL_TREE, types[i], args);
	}
      type = build_function_type (TREE_TYPE (fntype), args);
      type = build_type_attribute_variant (type, TYPE_ATTRIBUTES (fntype));
    }

  tree asmname = clone_function_name_numbered (fndecl, "pkeyplug");
  /* The function's own name, for diagnostics in the body, but never
     main's: the compiler treats a function of that name specially.  */
  tree name = (DECL_NAME (fndecl) && !MAIN_NAME_P (DECL_NAME (fndecl))
	       ? DECL_NAME (fndecl) : asmname);
  tree body = build_decl (DECL_SOURCE_LOCATION (fndecl), FUNCTION_DECL, name,
			  type);
  SET_DECL_ASSEMBLER_NAME (body, asmname);
  tree ctx = DECL_CONTEXT (fndecl);
  while (ctx && TYPE_P (ctx))
    ctx = TYPE_CONTEXT (ctx);
  DECL_CONTEXT (body) = (ctx && (TREE_CODE (ctx) == TRANSLATION_UNIT_DECL
				 || TREE_CODE (ctx) == NAMESPACE_DECL)
			 ? ctx : NULL_TREE);
  TREE_STATIC (body) = 1;
  TREE_PUBLIC (body) = 0;
  DECL_EXTERNAL (body) = 0;
  DECL_ARTIFICIAL (body) = 1;
  DECL_IGNORED_P (body) = DECL_IGNORED_P (fndecl);
  DECL_UNINLINABLE (body) = 1;
  TREE_USED (body) = 1;
  TREE_NOTHROW (body) = TREE_NOTHROW (fndecl);
  TREE_THIS_VOLATILE (body) = TREE_THIS_VOLATILE (fndecl);
  DECL_NO_INSTRUMENT_FUNCTION_ENTRY_EXIT (body)
    = DECL_NO_INSTRUMENT_FUNCTION_ENTRY_EXIT (fndecl);
  DECL_NO_LIMIT_STACK (body) = DECL_NO_LIMIT_STACK (fndecl);
  DECL_FUNCTION_SPECIFIC_TARGET (body) = DECL_FUNCTION_SPECIFIC_TARGET (fndecl);
  DECL_FUNCTION_SPECIFIC_OPTIMIZATION (body)
    = DECL_FUNCTION_SPECIFIC_OPTIMIZATION (fndecl);
  DECL_FUNCTION_PERSONALITY (body) = DECL_FUNCTION_PERSONALITY (fndecl);
  DECL_ATTRIBUTES (body) = body_attributes (fndecl);
  return body;
}

/* Copy PARM (or a RESULT_DECL) for FNDECL, which keeps its place while
   the original moves with the body.  */

static tree
fresh_decl (tree parm, tree fndecl)
{
  tree copy = copy_node (parm);
  DECL_CONTEXT (copy) = fndecl;
  DECL_ABSTRACT_ORIGIN (copy) = NULL_TREE;
  TREE_ADDRESSABLE (copy) = 0;
  DECL_CHAIN (copy) = NULL_TREE;
  return copy;
}

/* Move FUN's body into a function of its own and make FUN call it.  */

static void
split_function (function *fun)
{
  tree fndecl = fun->decl;
  tree body = build_body_decl (fndecl);
  location_t loc = DECL_SOURCE_LOCATION (fndecl);

  /* The body takes the parameters, the result and the blocks.  */
  DECL_ARGUMENTS (body) = DECL_ARGUMENTS (fndecl);
  DECL_RESULT (body) = DECL_RESULT (fndecl);
  DECL_INITIAL (body) = DECL_INITIAL (fndecl);
  tree parms = NULL_TREE, *tail = &parms;
  auto_vec<tree> args;
  for (tree p = DECL_ARGUMENTS (body); p; p = DECL_CHAIN (p))
    {
      DECL_CONTEXT (p) = body;
      *tail = fresh_decl (p, fndecl);
      args.safe_push (*tail);
      tail = &DECL_CHAIN (*tail);
      /* The body's prototype passes each parameter as it is declared;
	 the old-style function itself still receives them promoted.  */
      if (!prototype_p (TREE_TYPE (fndecl)))
	DECL_ARG_TYPE (p) = TREE_TYPE (p);
    }
  DECL_ARGUMENTS (fndecl) = parms;
  DECL_CONTEXT (DECL_RESULT (body)) = body;
  DECL_RESULT (fndecl) = fresh_decl (DECL_RESULT (body), fndecl);
  tree block = make_node (BLOCK);
  BLOCK_SUPERCONTEXT (block) = fndecl;
  TREE_USED (block) = 1;
  DECL_INITIAL (fndecl) = block;
  if (DECL_INITIAL (body))
    BLOCK_SUPERCONTEXT (DECL_INITIAL (body)) = body;

  /* Its function structure takes what describes the code.  */
  push_struct_function (body);
  function *bf = cfun;
  /* With the SSA names the gimplifier made for its temporaries.  */
  bf->gimple_df = fun->gimple_df;
  bf->function_start_locus = fun->function_start_locus;
  bf->function_end_locus = fun->function_end_locus;
  bf->curr_properties = fun->curr_properties;
  bf->last_verified = fun->last_verified;
  bf->local_decls = fun->local_decls;
  bf->used_types_hash = fun->used_types_hash;
  bf->last_clique = fun->last_clique;
  bf->debug_marker_count = fun->debug_marker_count;
  bf->calls_alloca = fun->calls_alloca;
  bf->has_local_explicit_reg_vars = fun->has_local_explicit_reg_vars;
  bf->has_force_vectorize_loops = fun->has_force_vectorize_loops;
  bf->has_simduid_loops = fun->has_simduid_loops;
  bf->has_unroll = fun->has_unroll;
  bf->can_throw_non_call_exceptions = fun->can_throw_non_call_exceptions;
  bf->can_delete_dead_exceptions = fun->can_delete_dead_exceptions;
  gimple_set_body (body, gimple_body (fndecl));
  pop_cfun ();
  fun->gimple_df = NULL;
  if (bf->gimple_df)
    init_tree_ssa (fun);
  fun->local_decls = NULL;
  fun->used_types_hash = NULL;
  fun->debug_marker_count = 0;
  fun->calls_alloca = 0;
  fun->has_local_explicit_reg_vars = 0;
  fun->has_force_vectorize_loops = 0;
  fun->has_simduid_loops = 0;
  fun->has_unroll = 0;
  reparent (fndecl, body, bf);

  /* The granting function: return body (args).  */
  gcall *call = gimple_build_call_vec (body, args);
  gimple_set_location (call, loc);
  tree result = DECL_RESULT (fndecl);
  tree retval = NULL_TREE;
  if (!VOID_TYPE_P (TREE_TYPE (result)))
    {
      if (aggregate_value_p (result, fndecl))
	{
	  /* Straight into the caller's return slot.  */
	  retval = result;
	  gimple_call_set_return_slot_opt (call, true);
	}
      else
	retval = create_tmp_var (TREE_TYPE (result), "pkeyplug_ret");
      gimple_call_set_lhs (call, retval);
    }
  gimple_seq seq = NULL;
  gimple_seq_add_stmt (&seq, call);
  greturn *ret = gimple_build_return (retval);
  gimple_set_location (ret, loc);
  gimple_seq_add_stmt (&seq, ret);
  gimple_set_body (fndecl, gimple_seq_alloc_with_stmt
			     (gimple_build_bind (NULL_TREE, seq, block)));

  cgraph_node::add_new_function (body, false);
  if (pkeyplug_verbose)
    inform (loc, "pkeyplug: the body of %qD moved into %qE, whose frame "
	    "%<scrub-stack%> clears", fndecl, DECL_ASSEMBLER_NAME (body));
}

static unsigned int
execute_split (function *fun)
{
  tree fndecl = fun->decl;
  if (!pkeyplug_scrub_stack || pkeyplug_split_origin (fndecl)
      || lookup_attribute ("naked", DECL_ATTRIBUTES (fndecl))
      || !pkeyplug_grants_p (fndecl))
    return 0;
  if (const char *why = split_refusal (fun))
    {
      warning_at (DECL_SOURCE_LOCATION (fndecl), OPT_Wattributes,
		  "%<scrub-stack%> does not clear the frame of granting "
		  "function %qD itself: %s", fndecl, why);
      return 0;
    }
  /* Its accesses move to a function whose warnings are off.  */
  pkeyplug_check_unguarded (fndecl);
  split_function (fun);
  return 0;
}

opt_pass *
pkeyplug_make_split_pass (gcc::context *ctxt)
{
  return pkeyplug_function_pass (ctxt, "pkeyplug_split", PROP_gimple_any,
				 execute_split);
}
