/* guards.cc -- keep the rights right on the ways out of a function that
   skip its exit gates or outlive it.

   longjmp and non-local goto restore registers, not PKRU (nor the
   emulation's per-thread levels): every call of a function that returns
   twice (setjmp and kin), in every function, is bracketed with
   __pkeyplug_rights_save and __pkeyplug_rights_restore, and a label a
   nested function reaches by a non-local goto restores the rights the
   body started with.

   exit, quick_exit and abort called inside a grant would run the atexit
   handlers, the destructors or a SIGABRT handler with the grant still
   open; every call of them gets __pkeyplug_before_exit first, which locks
   the calling thread's keys.  The shared runtime also interposes exit,
   which covers calls from code compiled without the plugin; this covers
   static links, where nothing can be interposed.

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

/* Is CALL a call of the C library's exit, quick_exit or abort?  Matched
   by assembler name so that std::exit and a redeclaration count too.  */

static bool
exiting_call_p (gimple *call)
{
  tree fn = gimple_call_fndecl (call);
  if (!fn || !TREE_PUBLIC (fn) || !DECL_EXTERNAL (fn)
      || (DECL_CONTEXT (fn) && TREE_CODE (DECL_CONTEXT (fn)) == RECORD_TYPE))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fn));
  return (strcmp (name, "exit") == 0 || strcmp (name, "quick_exit") == 0
	  || strcmp (name, "abort") == 0);
}

/* What the walk of one function collects: the buffer that holds the
   rights its body starts with, made when a non-local label needs it.  */
struct guard_walk
{
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
      gsi_insert_seq_after (gsi, after, GSI_CONTINUE_LINKING);
      return NULL_TREE;
    }
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
  gsi_insert_seq_before (gsi, before, GSI_SAME_STMT);
  gsi_insert_seq_after (gsi, after, GSI_CONTINUE_LINKING);
  return NULL_TREE;
}

/* Bracket every returns-twice call of FNDECL's body, restore the rights
   at its non-local labels, and lock them before its calls of exit.  */

void
pkeyplug_guard_nonlocal_exits (tree fndecl)
{
  gimple_seq body = gimple_body (fndecl);
  struct guard_walk walk = { NULL_TREE };
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

