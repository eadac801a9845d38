/* twins.cc -- a gate-free twin of each exported grant, for the calls
   that already hold its keys.

   A function visible outside the unit keeps its gates: anyone may call
   it.  But its calls from inside the unit often come from functions that
   hold the same keys (in a grant-all unit, all of them do), where the
   gates can only find the keys open; still, they make the function
   bigger, so the inliners take it less often than without the plugin
   (SQLite calls its own API: sqlite3_value_type and the like).

   This pass, in the early IPA passes before any inlining, gives such a
   function F a local copy, F.pkeytwin, and sends to it every direct call
   whose caller holds each key F grants with at least F's rights.  The
   copy is local and its address is never taken, so elide.cc removes its
   own gates in the early passes, key by key, exactly as for a static
   function; whatever it cannot prove held keeps its gate.  The inliners
   then weigh the copy without gates.

   Not for a function another definition can replace at run time (an
   interposable symbol of a shared library): its calls must keep going
   through the symbol.  Nor without optimisation, where nothing is
   inlined.  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "tree-pass.h"
#include "tree-inline.h"

/* Can NODE get a twin?  */

static bool
twin_candidate_p (cgraph_node *node)
{
  tree decl = node->decl;
  return (node->definition && !node->alias && !node->thunk
	  && !node->inlined_to && node->callers
	  && node->get_availability () >= AVAIL_AVAILABLE
	  && !node->local_p ()
	  && !DECL_STATIC_CONSTRUCTOR (decl)
	  && !DECL_STATIC_DESTRUCTOR (decl)
	  && !lookup_attribute ("noipa", DECL_ATTRIBUTES (decl))
	  && !lookup_attribute ("noinline", DECL_ATTRIBUTES (decl))
	  && !lookup_attribute ("naked", DECL_ATTRIBUTES (decl))
	  && pkeyplug_grants_p (decl)
	  && tree_versionable_function_p (decl));
}

/* Make NODE's twin for the calls whose callers hold its keys, if any
   do.  */

static void
make_twin (cgraph_node *node)
{
  vec<cgraph_edge *> holders = vNULL;
  for (cgraph_edge *e = node->callers; e; e = e->next_caller)
    if (e->caller != node
	&& pkeyplug_holds_grants_of_p (e->caller->decl, node->decl))
      holders.safe_push (e);
  if (!holders.is_empty ())
    {
      cgraph_node *twin
	= node->create_version_clone_with_body (holders, NULL, NULL, NULL,
						NULL, "pkeytwin");
      /* GCC marks the copy artificial: what the twin holds is read
	 from NODE (gates.cc, cloned_from).  */
      if (twin)
	DECL_ATTRIBUTES (twin->decl)
	  = tree_cons (get_identifier (PKEYPLUG_TWIN_ATTR),
		       build_tree_list (NULL_TREE, node->decl),
		       DECL_ATTRIBUTES (twin->decl));
      if (twin && dump_file)
	fprintf (dump_file, "pkeyplug: %s: %u call%s go to %s\n",
		 node->dump_name (), holders.length (),
		 holders.length () == 1 ? "" : "s", twin->dump_name ());
    }
  holders.release ();
}

static bool
twins_wanted (void)
{
  return optimize > 0 && !seen_error ();
}

static unsigned int
make_twins (void)
{
  auto_vec<cgraph_node *> candidates;
  cgraph_node *node;
  FOR_EACH_FUNCTION_WITH_GIMPLE_BODY (node)
    if (twin_candidate_p (node))
      candidates.safe_push (node);
  unsigned i;
  FOR_EACH_VEC_ELT (candidates, i, node)
    make_twin (node);
  return 0;
}

opt_pass *
pkeyplug_make_twins_pass (gcc::context *ctxt)
{
  return pkeyplug_unit_pass (ctxt, "pkeyplug_twins", TV_PLUGIN_RUN,
			     twins_wanted, make_twins);
}
