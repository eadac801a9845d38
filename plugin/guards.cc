/* guards.cc -- keep the rights right on the ways out of a function that
   skip its exit gates or outlive it.

   longjmp and non-local goto restore registers, not PKRU (nor the
   emulation's per-thread levels): every call of a function that returns
   twice (setjmp and kin), in every function, is bracketed with
   __pkeyplug_rights_save and __pkeyplug_rights_restore, and a label a
   nested function reaches by a non-local goto restores the rights the
   body started with.  The save area is in the frame, where anyone can
   write it, so the restore only closes keys; in a granting function the
   restore is followed by the opening of the function's own keys, with
   its entry gates' code (pkeyplug_add_reopen, gates.cc).

   exit, quick_exit and abort called inside a grant would run the atexit
   handlers, the destructors or a SIGABRT handler with the grant still
   open; every call of them (and of assert's __assert_fail, whose
   arguments are string literals) gets __pkeyplug_before_exit first,
   which locks the calling thread's keys.  Wherever code takes the
   address of exit, quick_exit or abort (in a function's body, or in the
   initializer of a static variable), it gets the address of a stand-in
   instead, a function of the module whose body is that call: a call
   through the pointer locks too.  The shared runtime also interposes the
   three, which covers calls from code compiled without the plugin; this
   covers static links, where nothing can be interposed.

   All three runtime functions are weak references, called only when the
   runtime is linked.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

static inline void
add (gimple_seq *seq, gimple *g, location_t loc)
{
  gimple_set_location (g, loc);
  gimple_seq_add_stmt (seq, g);
}

/* A weak reference to the runtime entry NAME of type TYPE.  */

static tree
weak_runtime_function (const char *name, tree type)
{
  tree fn = pkeyplug_runtime_function (name, type);
  /* declare_weak, not just DECL_WEAK: it queues the .weak directive an
     undefined reference needs.  */
  if (!DECL_WEAK (fn))
    declare_weak (fn);
  return fn;
}

/* Append to SEQ a call of the weak runtime function FN with argument ARG
   (none if ARG is null), skipped when FN is not linked in.  */

static void
add_weak_call (gimple_seq *seq, tree fn, tree arg, location_t loc)
{
  tree present = create_tmp_var (ptr_type_node, "pkey_rt");
  tree yes = create_artificial_label (loc);
  tree no = create_artificial_label (loc);
  add (seq, gimple_build_assign (present, build_fold_addr_expr (fn)), loc);
  add (seq, gimple_build_cond (NE_EXPR, present, null_pointer_node, yes, no),
       loc);
  add (seq, gimple_build_label (yes), loc);
  add (seq, arg ? gimple_build_call (fn, 1, arg) : gimple_build_call (fn, 0),
       loc);
  add (seq, gimple_build_label (no), loc);
}

static tree
before_exit_fn (void)
{
  return weak_runtime_function
    ("__pkeyplug_before_exit",
     build_function_type_list (void_type_node, NULL_TREE));
}

/* Is FN the C library's exit, quick_exit or abort?  Matched by
   assembler name so that std::exit and a redeclaration count too.  */

static bool
exiting_fn_p (tree fn)
{
  if (!fn || TREE_CODE (fn) != FUNCTION_DECL || !TREE_PUBLIC (fn)
      || !DECL_EXTERNAL (fn)
      || (DECL_CONTEXT (fn) && TREE_CODE (DECL_CONTEXT (fn)) == RECORD_TYPE))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fn));
  return (strcmp (name, "exit") == 0 || strcmp (name, "quick_exit") == 0
	  || strcmp (name, "abort") == 0);
}

/* Is CALL a call of exit and kin, or of assert's failure, which aborts
   and prints only the string literals assert passes it?  */

static bool
exiting_call_p (gimple *call)
{
  tree fn = gimple_call_fndecl (call);
  if (exiting_fn_p (fn))
    return true;
  if (!fn || !TREE_PUBLIC (fn) || !DECL_EXTERNAL (fn))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fn));
  return (strcmp (name, "__assert_fail") == 0
	  || strcmp (name, "__assert_perror_fail") == 0
	  || strcmp (name, "__assert") == 0);
}

/* The stand-in for FN (exit, quick_exit or abort) whose address code
   gets where it takes FN's: a hidden COMDAT function, one per module, of
   FN's type, whose body calls FN with its arguments.  The gate pass then
   puts __pkeyplug_before_exit before that call, like before any other.
   Artificial: grant-all does not make it a grant.  */

static tree
exit_stand_in (tree fn)
{
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fn));
  tree id = get_identifier (ACONCAT (("__pkeyplug_", name, NULL)));
  if (symtab_node *n = symtab_node::get_for_asmname (id))
    return n->decl;

  tree type = TREE_TYPE (fn);
  if (!prototype_p (type))
    type = (strcmp (name, "abort") == 0
	    ? build_function_type_list (void_type_node, NULL_TREE)
	    : build_function_type_list (void_type_node, integer_type_node,
					NULL_TREE));
  location_t loc = BUILTINS_LOCATION;
  tree decl = build_decl (loc, FUNCTION_DECL, id, type);
  SET_DECL_ASSEMBLER_NAME (decl, id);
  TREE_STATIC (decl) = 1;
  TREE_PUBLIC (decl) = 1;
  TREE_USED (decl) = 1;
  TREE_THIS_VOLATILE (decl) = 1;	/* noreturn */
  TREE_NOTHROW (decl) = 1;
  DECL_ARTIFICIAL (decl) = 1;
  DECL_IGNORED_P (decl) = 1;
  DECL_VISIBILITY (decl) = VISIBILITY_HIDDEN;
  DECL_VISIBILITY_SPECIFIED (decl) = 1;

  tree result = build_decl (loc, RESULT_DECL, NULL_TREE, void_type_node);
  DECL_ARTIFICIAL (result) = 1;
  DECL_IGNORED_P (result) = 1;
  DECL_CONTEXT (result) = decl;
  DECL_RESULT (decl) = result;

  auto_vec<tree> args;
  tree parms = NULL_TREE, *last = &parms;
  for (tree a = TYPE_ARG_TYPES (type); a && a != void_list_node;
       a = TREE_CHAIN (a))
    {
      tree parm = build_decl (loc, PARM_DECL, NULL_TREE, TREE_VALUE (a));
      DECL_ARG_TYPE (parm) = TREE_VALUE (a);
      DECL_ARTIFICIAL (parm) = 1;
      DECL_CONTEXT (parm) = decl;
      *last = parm;
      last = &DECL_CHAIN (parm);
      args.safe_push (parm);
    }
  DECL_ARGUMENTS (decl) = parms;
  DECL_INITIAL (decl) = make_node (BLOCK);
  BLOCK_SUPERCONTEXT (DECL_INITIAL (decl)) = decl;
  TREE_USED (DECL_INITIAL (decl)) = 1;
  DECL_SAVED_TREE (decl) = build_call_expr_loc_array (loc, fn, args.length (),
						      args.address ());

  /* Its own function structure, without disturbing the one being parsed
     or compiled now.  */
  push_struct_function (decl);
  cfun->function_end_locus = loc;
  pop_cfun ();
  make_decl_one_only (decl, id);
  DECL_COMDAT (decl) = 1;
  /* No garbage collection: this may run in the middle of parsing.  */
  cgraph_node::finalize_function (decl, true);
  return decl;
}

/* The stand-in's address for ADDR, the address of exit or kin, of
   ADDR's type.  */

static tree
stand_in_address (tree addr)
{
  tree stand_in = exit_stand_in (TREE_OPERAND (addr, 0));
  return fold_convert (TREE_TYPE (addr), build_fold_addr_expr (stand_in));
}

/* Is T the address of exit or kin?  */

static bool
exit_address_p (tree t)
{
  return (t && TREE_CODE (t) == ADDR_EXPR
	  && exiting_fn_p (TREE_OPERAND (t, 0)));
}

/* Give every operand of the statement at GSI that is the address of exit
   or kin the stand-in's address instead; the called function of a
   direct call stays (guard_exit locks before it).  An operand of an asm
   may have to be a constant, and stays too.  */

static void
replace_exit_addresses (gimple_stmt_iterator *gsi)
{
  gimple *stmt = gsi_stmt (*gsi);
  if (gimple_code (stmt) == GIMPLE_ASM || !gimple_has_ops (stmt))
    return;
  for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
    {
      tree op = gimple_op (stmt, i);
      if ((is_gimple_call (stmt) && i == 1) || !exit_address_p (op))
	continue;
      tree val = stand_in_address (op);
      if (!is_gimple_val (val))
	{
	  tree tmp = create_tmp_var (TREE_TYPE (op), "pkey_exit");
	  gimple *g = gimple_build_assign (tmp, val);
	  gimple_set_location (g, gimple_location (stmt));
	  gsi_insert_before (gsi, g, GSI_SAME_STMT);
	  val = tmp;
	}
      gimple_set_op (stmt, i, val);
    }
}

/* walk_tree callback for initializers: the stand-in's address in place
   of exit's.  The initializer of an artificial static object it refers
   to (a compound literal at file scope) is walked too; DATA is the
   walk's set of visited trees.  */

static tree
replace_in_initializer (tree *tp, int *walk_subtrees, void *data)
{
  tree t = *tp;
  if (VAR_P (t) && DECL_ARTIFICIAL (t) && TREE_STATIC (t)
      && DECL_INITIAL (t) && DECL_INITIAL (t) != error_mark_node)
    walk_tree (&DECL_INITIAL (t), replace_in_initializer, data,
	       (hash_set<tree> *) data);
  if (TYPE_P (t) || DECL_P (t))
    *walk_subtrees = 0;
  else if (exit_address_p (t))
    {
      *tp = stand_in_address (t);
      *walk_subtrees = 0;
    }
  return NULL_TREE;
}

/* PLUGIN_FINISH_DECL callback: a static variable initialised with the
   address of exit or kin (a table of handlers) gets the stand-in's.
   Here, before the symbol table analyses the initializer, the
   references it records are the stand-in's.  */

void
pkeyplug_guard_exit_initializer (void *event_data, void *)
{
  tree decl = (tree) event_data;
  if (!decl || !VAR_P (decl) || !TREE_STATIC (decl) || DECL_EXTERNAL (decl)
      || !DECL_INITIAL (decl) || DECL_INITIAL (decl) == error_mark_node
      || seen_error ())
    return;
  hash_set<tree> visited;
  walk_tree (&DECL_INITIAL (decl), replace_in_initializer, &visited,
	     &visited);
}

/* What the walk of one function collects: the buffer that holds the
   rights its body starts with, made when a non-local label needs it.  */
struct guard_walk
{
  tree fndecl;
  tree entry_rights;
};

/* A new rights buffer in the function being walked.  */

static tree
new_rights_buffer (void)
{
  tree type = build_array_type (char_type_node,
				build_index_type
				  (size_int (PKEYPLUG_RIGHTS_SIZE - 1)));
  tree buf = create_tmp_var (type, "pkey_rights");
  TREE_ADDRESSABLE (buf) = 1;
  return buf;
}

static tree
rights_save_fn (void)
{
  return weak_runtime_function
    ("__pkeyplug_rights_save",
     build_function_type_list (void_type_node, ptr_type_node, NULL_TREE));
}

static tree
rights_restore_fn (void)
{
  return weak_runtime_function
    ("__pkeyplug_rights_restore",
     build_function_type_list (void_type_node, const_ptr_type_node,
			       NULL_TREE));
}

/* walk_gimple_seq callback.  A call of a returns-twice function gets the
   saving of the thread's rights before it and their restoring after it.
   A label that a nested function reaches by a non-local goto (which
   restores no more than longjmp does) gets the restoring after it; the
   saving is then added at the start of the body
   (pkeyplug_guard_nonlocal_exits).  A call of exit and kin gets the
   locking before it.  WI->info is the walk's struct guard_walk.  */

static tree
guard_exit (gimple_stmt_iterator *gsi, bool *handled,
	    struct walk_stmt_info *wi)
{
  gimple *stmt = gsi_stmt (*gsi);
  location_t loc = gimple_location (stmt);
  gimple_seq after = NULL;

  if (glabel *label = dyn_cast <glabel *> (stmt))
    {
      if (!DECL_NONLOCAL (gimple_label_label (label)))
	return NULL_TREE;
      *handled = true;
      struct guard_walk *walk = (struct guard_walk *) wi->info;
      if (!walk->entry_rights)
	walk->entry_rights = new_rights_buffer ();
      add_weak_call (&after, rights_restore_fn (),
		     build_fold_addr_expr (walk->entry_rights), loc);
      pkeyplug_add_reopen (&after, walk->fndecl, loc);
      gsi_insert_seq_after (gsi, after, GSI_CONTINUE_LINKING);
      return NULL_TREE;
    }
  replace_exit_addresses (gsi);
  if (!is_gimple_call (stmt))
    return NULL_TREE;
  if (exiting_call_p (stmt))
    {
      gimple_seq before = NULL;
      add_weak_call (&before, before_exit_fn (), NULL_TREE, loc);
      gsi_insert_seq_before (gsi, before, GSI_SAME_STMT);
      *handled = true;
      return NULL_TREE;
    }
  if (!(gimple_call_flags (stmt) & ECF_RETURNS_TWICE))
    return NULL_TREE;
  *handled = true;

  /* Each call has a buffer of its own: the entry buffer, if any, holds
     the rights at entry.  */
  tree addr = build_fold_addr_expr (new_rights_buffer ());
  gimple_seq before = NULL;
  add_weak_call (&before, rights_save_fn (), addr, loc);
  add_weak_call (&after, rights_restore_fn (), addr, loc);
  pkeyplug_add_reopen (&after, ((struct guard_walk *) wi->info)->fndecl,
		       loc);
  gsi_insert_seq_before (gsi, before, GSI_SAME_STMT);
  gsi_insert_seq_after (gsi, after, GSI_CONTINUE_LINKING);
  return NULL_TREE;
}

/* Bracket every returns-twice call of FNDECL's body, restore the rights
   at its non-local labels, lock them before its calls of exit, and give
   it the stand-ins' addresses where it takes exit's.  */

void
pkeyplug_guard_nonlocal_exits (tree fndecl)
{
  gimple_seq body = gimple_body (fndecl);
  struct guard_walk walk = { fndecl, NULL_TREE };
  struct walk_stmt_info wi;
  memset (&wi, 0, sizeof wi);
  wi.info = &walk;
  walk_gimple_seq_mod (&body, guard_exit, NULL, &wi);
  if (walk.entry_rights)
    {
      /* Save the rights the body starts with, inside the outermost bind
	 (lowering wants the body to be one) and so after any entry gate
	 added later.  */
      gimple_seq save = NULL;
      add_weak_call (&save, rights_save_fn (),
		     build_fold_addr_expr (walk.entry_rights),
		     DECL_SOURCE_LOCATION (fndecl));
      gimple_seq *where = &body;
      if (gbind *bind = dyn_cast <gbind *> (gimple_seq_first_stmt (body)))
	where = gimple_bind_body_ptr (bind);
      gimple_seq_add_seq (&save, *where);
      *where = save;
    }
  gimple_set_body (fndecl, body);
}

static unsigned int
guard_function (function *fun)
{
  pkeyplug_guard_nonlocal_exits (fun->decl);
  return 0;
}

opt_pass *
pkeyplug_make_guard_pass (gcc::context *ctxt)
{
  return pkeyplug_function_pass (ctxt, "pkeyplug_guards", PROP_gimple_any,
				 guard_function);
}
