/* redirect.cc -- send the uses of the functions that start threads to the
   runtime's versions of them.

   A new thread inherits its creator's PKRU: one started inside a grant,
   by pthread_create or thrd_create, by clone, or by glibc for a
   SIGEV_THREAD timer, message queue, asynchronous I/O or name lookup
   (pkeyplug-abi.h's PKEYPLUG_THREAD_STARTS), would keep the grant's
   rights.  The runtime's __pkeyplug_NAME starts such threads with every
   key in its default state.  The shared runtime interposes NAME as well,
   but nothing can be interposed in a static link; the plugin sees every
   call it compiles, in units with or without keys.

   Every use of NAME in a function body, a call or an address taken,
   becomes one of a temporary set just before it:
     tmp = &__pkeyplug_NAME;		(a weak reference)
     if (tmp == 0) tmp = &NAME;
   and a call of NAME becomes a call through TMP.  A unit thus still links
   without the runtime, and then calls NAME itself.  Addresses taken in
   static initializers and in asm operands are left alone: they cannot
   hold the test.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

#define PKEYPLUG_NAME_STRING(name) #name,
static const char *const thread_starts[] =
{
  PKEYPLUG_THREAD_STARTS (PKEYPLUG_NAME_STRING)
};

static inline void
add (gimple_seq *seq, gimple *g, location_t loc)
{
  gimple_set_location (g, loc);
  gimple_seq_add_stmt (seq, g);
}

/* Is DECL the C library's function of that name, one of thread_starts?
   Matched by assembler name, so that a redirection in a header (aio_read
   to aio_read64) counts too; a definition in the unit, or a member
   function, is not the library's.  Return its name, or null.  */

static const char *
thread_start_name (tree decl)
{
  if (TREE_CODE (decl) != FUNCTION_DECL || !TREE_PUBLIC (decl)
      || !DECL_EXTERNAL (decl)
      || (DECL_CONTEXT (decl)
	  && TREE_CODE (DECL_CONTEXT (decl)) == RECORD_TYPE))
    return NULL;
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (decl));
  /* An asm label is stored with a star: no user label prefix.  */
  if (name[0] == '*')
    name++;
  for (unsigned i = 0; i < ARRAY_SIZE (thread_starts); i++)
    if (strcmp (name, thread_starts[i]) == 0)
      return thread_starts[i];
  return NULL;
}

/* The weak reference to the runtime's version of DECL, called NAME.  */

static tree
runtime_version (tree decl, const char *name)
{
  char *entry = concat (PKEYPLUG_THREAD_START_PREFIX, name, NULL);
  tree fn = pkeyplug_runtime_function (entry, TREE_TYPE (decl));
  free (entry);
  /* declare_weak, not just DECL_WEAK: it queues the .weak directive an
     undefined reference needs.  */
  if (!DECL_WEAK (fn))
    declare_weak (fn);
  return fn;
}

/* Insert before the statement at GSI the choice of the runtime's version
   of DECL (called NAME) or DECL itself, for ADDR, an address of DECL.
   Return the temporary that holds it.  */

static tree
redirected_address (gimple_stmt_iterator *gsi, tree addr, tree decl,
		    const char *name, location_t loc)
{
  tree type = TREE_TYPE (addr);
  tree tmp = create_tmp_var (type, "pkey_start");
  tree fallback = create_artificial_label (loc);
  tree done = create_artificial_label (loc);
  gimple_seq seq = NULL;

  add (&seq, gimple_build_assign (tmp, fold_convert (type,
						     build_fold_addr_expr
						       (runtime_version
							  (decl, name)))),
       loc);
  add (&seq, gimple_build_cond (EQ_EXPR, tmp, build_int_cst (type, 0),
				fallback, done), loc);
  add (&seq, gimple_build_label (fallback), loc);
  add (&seq, gimple_build_assign (tmp, addr), loc);
  add (&seq, gimple_build_label (done), loc);
  gsi_insert_seq_before (gsi, seq, GSI_SAME_STMT);
  return tmp;
}

/* walk_gimple_seq callback: replace the operands of the statement at GSI
   that are addresses of a function of thread_starts, the callee of a
   call included.  After gimplification such an address is a whole
   operand.  */

static tree
redirect_stmt (gimple_stmt_iterator *gsi, bool *handled,
	       struct walk_stmt_info *wi)
{
  gimple *stmt = gsi_stmt (*gsi);

  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
    case GIMPLE_CALL:
    case GIMPLE_COND:
    case GIMPLE_RETURN:
      break;
    default:
      return NULL_TREE;
    }
  for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
    {
      tree op = gimple_op (stmt, i);
      if (!op || TREE_CODE (op) != ADDR_EXPR)
	continue;
      tree decl = TREE_OPERAND (op, 0);
      const char *name = thread_start_name (decl);
      if (name)
	gimple_set_op (stmt, i, redirected_address (gsi, op, decl, name,
						    gimple_location (stmt)));
    }
  return NULL_TREE;
}

/* Redirect the uses of the functions that start threads in FNDECL's
   body.  */

void
pkeyplug_redirect_thread_starts (tree fndecl)
{
  gimple_seq body = gimple_body (fndecl);
  struct walk_stmt_info wi;
  memset (&wi, 0, sizeof wi);
  walk_gimple_seq_mod (&body, redirect_stmt, NULL, &wi);
  gimple_set_body (fndecl, body);
}

static unsigned int
redirect_function (function *fun)
{
  pkeyplug_redirect_thread_starts (fun->decl);
  return 0;
}

opt_pass *
pkeyplug_make_redirect_pass (gcc::context *ctxt)
{
  return pkeyplug_function_pass (ctxt, "pkeyplug_redirect", PROP_gimple_any,
				 redirect_function);
}
