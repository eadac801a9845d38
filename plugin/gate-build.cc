/* gate-build.cc -- the pieces of GIMPLE and inline asm the passes build
   gates and guards from: asm operands and clobbers, compiler barriers,
   and declarations of the runtime's entry points.

   Every pass that emits code calls these; they call nothing of the
   plugin's, so that the passes never call each other for them.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

/* An asm operand: CONSTRAINT applied to VALUE.  */

tree
pkeyplug_asm_operand (const char *constraint, tree value)
{
  tree c = build_string (strlen (constraint) + 1, constraint);
  return build_tree_list (build_tree_list (NULL_TREE, c), value);
}

tree
pkeyplug_asm_clobber (const char *what)
{
  return build_tree_list (NULL_TREE, build_string (strlen (what) + 1, what));
}

/* A volatile asm TEXT with a "memory" clobber: a compiler barrier.  */

gasm *
pkeyplug_barrier_asm (const char *text, vec<tree, va_gc> *inputs,
		      vec<tree, va_gc> *outputs, vec<tree, va_gc> *clobbers)
{
  vec_safe_push (clobbers, pkeyplug_asm_clobber ("memory"));
  gasm *g = gimple_build_asm_vec (text, inputs, outputs, clobbers, NULL);
  gimple_asm_set_volatile (g, true);
  return g;
}

/* A FUNCTION_DECL for the runtime entry NAME of type TYPE, shared by every
   use in the unit.  */

tree
pkeyplug_runtime_function (const char *name, tree type)
{
  tree id = get_identifier (name);
  if (symtab_node *n = symtab_node::get_for_asmname (id))
    return n->decl;
  tree fn = build_fn_decl (name, type);
  /* The runtime never throws and never longjmps.  */
  TREE_NOTHROW (fn) = 1;
  return fn;
}
