/* flows.cc -- where can the secret go?  Warn where protected data leaves
   its key.

   A key stops code outside a grant from reading a secret; it cannot stop
   code inside one from copying the secret somewhere everyone can read.
   This pass follows protected data through each function of the unit,
   in SSA form, and warns at each place where it leaves:

     copy     protected bytes stored in memory that does not carry their
	      key: an unprotected global or static, a heap block from
	      malloc, memory reached through a pointer parameter, an object
	      of another key (stores, struct copies, memcpy and friends);
     output   protected data passed to write, send, fwrite, puts, the
	      printf family, syslog, ...;
     return   a protected value returned by a granting function to a
	      caller that may not hold the key;
     address  the address of a protected object stored in unprotected
	      memory or returned from a grant; the address of a local
	      object that holds protected data stored in unprotected
	      memory (the local escapes);
     call     protected data, or its address, passed to a function whose
	      body the unit does not have, or through a pointer, unless
	      the function is known to keep it inside (flows-keep.cc).

   Each warning has a note at the source, the load that read the data.
   Sources are loads from objects with the `pkey' attribute (not of a
   readonly key, which everyone may read), and from heap blocks of
   pkeyplug_malloc (KEY, ...), in functions that may hold the key: a load
   anywhere else faults, and unguarded.cc already says so.  Values are
   followed through SSA copies, conversions and PHIs, through local
   objects (flow-insensitively: a local that ever holds protected data
   does so everywhere in its function) and through memory of the same key.
   By default only direct copies count; -fplugin-arg-pkeyplug-taint=derived
   follows values computed from protected data too (arithmetic, results of
   calls that take it), since cryptographic output is meant to leave.

   pkeyplug_declassify (X) (pkeyplug.h: a call of an always_inline function
   that does nothing) says that the object X may leave: X holds no
   protected data for the rest of this analysis, in its whole function.

   Interprocedural within the unit: each function gets a summary (which
   parameters, by value or through the memory they point to, reach which
   sink; which data its return value carries), computed again until no
   summary changes, so that a grant that passes the secret to a static
   helper that writes it to a global is caught at the call, with a note at
   the helper's sink.

   The pass is a simple IPA pass right after the unit goes into SSA form:
   at -O0 as at -O2 the code is still as written (nothing inlined or
   folded yet), the gates are in place and the unguarded warnings given.
   An unexpected tree shape is skipped, never asserted on.
   -fplugin-arg-pkeyplug-warn-flows=no, or -Wno-attributes, silences it;
   -fplugin-arg-pkeyplug-flows=FILE lists what it found, as JSON
   (flows-report.cc).  */

#include "compat.h"
#include "pkeyplug-plugin.h"
#include "ssa.h"
#include "tree-ssa-operands.h"
#include "tree-phinodes.h"
#include "tree-dfa.h"

bool pkeyplug_warn_flows = true;
bool pkeyplug_taint_derived;

/* Parameters a summary follows; later ones are not followed.  */
#define FLOW_MAX_PARMS 32

/* Protected data a value (or a piece of memory) may hold.  */
struct flow_taint
{
  const char *key;		/* NULL: none of the unit's own.  */
  tree decl;			/* The protected object, NULL for a heap
				   block of KEY.  */
  location_t loc;		/* Where it was loaded.  */
  bool derived;			/* Computed from it, not a copy.  */
  unsigned parms;		/* Bit I: what parameter I brings (its value
				   or the memory it points to).  */
  unsigned dparms;		/* Bit I: values computed from it.  */
};

/* Where a pointer points.  */
enum flow_region_kind
{
  REGION_NONE,			/* Nothing we know of.  */
  REGION_PROTECTED,		/* DECL, protected by KEY.  */
  REGION_KEY_HEAP,		/* A heap block of KEY.  */
  REGION_LOCAL,			/* The automatic object DECL.  */
  REGION_GLOBAL,		/* The unprotected static object DECL.  */
  REGION_HEAP,			/* A block from malloc.  */
  REGION_PARM			/* Memory reached through parameter PARM.  */
};

struct flow_region
{
  enum flow_region_kind kind;
  tree decl;
  const char *key;
  bool readonly;		/* KEY's policy is readonly.  */
  int parm;
};

/* How protected data leaves.  */
enum flow_sink_kind
{
  SINK_COPY,
  SINK_OUTPUT,
  SINK_RETURN,
  SINK_ADDRESS,
  SINK_ESCAPE,			/* A local holding the data: its address.  */
  SINK_CALL			/* Passed to a function the unit cannot see
				   (FN; NULL: through a pointer).  */
};

/* The first sink a parameter of a function reaches.  */
struct flow_sink
{
  bool set;
  bool derived;			/* Reached by a computed value only.  */
  enum flow_sink_kind kind;
  location_t loc;
  tree fn;			/* SINK_OUTPUT: the output function;
				   SINK_CALL: the function called.  */
};

/* What callers need to know of a function.  */
struct flow_summary
{
  struct flow_sink parm_sink[FLOW_MAX_PARMS];
  struct flow_taint ret;	/* What its return value may carry.  */
  /* What a local function (local_function_p) stores where parameter I
     points: its callers know where that is.  */
  struct flow_taint parm_store[FLOW_MAX_PARMS];
};

static hash_map<tree, flow_summary> *summaries;

/* A warning to give at a statement, kept until the last round.  */
struct flow_report
{
  gimple *stmt;
  enum flow_sink_kind kind;
  struct flow_taint taint;
  const char *dest_key;		/* SINK_COPY into another key's object.  */
  tree fn;			/* Output function, or callee.  */
  tree addr_decl;		/* SINK_ADDRESS: the object.  */
  struct flow_sink via;		/* A callee's sink, if set.  */
};

/* The analysis of one function.  */
struct flow_state
{
  function *fun;
  tree fndecl;
  auto_vec<flow_taint> val;	/* By SSA version: the value's data.  */
  auto_vec<flow_region> region;	/* By SSA version: where it points.  */
  hash_map<tree, flow_taint> locals;	/* Data held by local objects.  */
  hash_set<tree> declassified;
  flow_summary summary;
  bool changed;
  bool final;			/* The walk that reports.  */
  bool local;			/* local_function_p.  */
  hash_map<const char *, bool> may_hold;	/* By key.  */
  auto_vec<flow_report> reports;
  gimple *stmt;			/* Being walked.  */
};

/* Is T holding anything to follow?  */

static bool
tainted_p (const flow_taint &t)
{
  return t.key || t.parms || t.dparms;
}

/* Add B to *A; true if *A changed.  A direct copy wins over a derived
   value: its warning is the stronger one.  */

static bool
join (flow_taint *a, const flow_taint &b)
{
  bool changed = false;
  if (b.key && (!a->key || (a->derived && !b.derived)))
    {
      a->key = b.key;
      a->decl = b.decl;
      a->loc = b.loc;
      a->derived = b.derived;
      changed = true;
    }
  if ((a->parms | b.parms) != a->parms
      || (a->dparms | b.dparms) != a->dparms)
    {
      a->parms |= b.parms;
      a->dparms |= b.dparms;
      changed = true;
    }
  return changed;
}

/* T as a value computed from it: nothing unless taint=derived.  */

static flow_taint
derive (flow_taint t)
{
  if (!pkeyplug_taint_derived)
    return flow_taint ();
  t.derived = true;
  t.dparms |= t.parms;
  t.parms = 0;
  return t;
}

static flow_taint
ssa_taint (flow_state *st, tree name)
{
  unsigned v = SSA_NAME_VERSION (name);
  return v < st->val.length () ? st->val[v] : flow_taint ();
}

static flow_region
ssa_region (flow_state *st, tree name)
{
  unsigned v = SSA_NAME_VERSION (name);
  return v < st->region.length () ? st->region[v] : flow_region ();
}

static void
set_ssa (flow_state *st, tree name, const flow_taint &t,
	 const flow_region &r)
{
  if (!name || TREE_CODE (name) != SSA_NAME)
    return;
  unsigned v = SSA_NAME_VERSION (name);
  if (v >= st->val.length ())
    return;
  if (join (&st->val[v], t))
    st->changed = true;
  flow_region &old = st->region[v];
  if (r.kind == REGION_NONE || (old.kind == r.kind && old.decl == r.decl
				&& old.key == r.key && old.parm == r.parm))
    return;
  /* Two different places: keep the first one that is not nothing, the
     PHI of a pointer that may point to either.  */
  if (old.kind == REGION_NONE)
    {
      old = r;
      st->changed = true;
    }
}

/* Where the object DECL is.  */

static flow_region
decl_region (tree decl)
{
  flow_region r = flow_region ();
  if (!decl || !DECL_P (decl))
    return r;
  if (VAR_P (decl))
    {
      struct pkey_use use;
      tree attr = pkeyplug_first_attr (decl);
      if (attr && pkeyplug_read_use (attr, &use))
	{
	  r.kind = REGION_PROTECTED;
	  r.decl = decl;
	  r.key = use.key;
	  r.readonly = use.policy == PKEYPLUG_POLICY_READONLY;
	  return r;
	}
      if (is_global_var (decl))
	{
	  r.kind = REGION_GLOBAL;
	  r.decl = decl;
	  return r;
	}
    }
  if (VAR_P (decl) || TREE_CODE (decl) == PARM_DECL
      || TREE_CODE (decl) == RESULT_DECL)
    {
      r.kind = REGION_LOCAL;
      r.decl = decl;
    }
  return r;
}

/* Where the memory that BASE (from get_base_address) names is.  */

static flow_region
base_region (flow_state *st, tree base)
{
  if (!base)
    return flow_region ();
  if (TREE_CODE (base) == MEM_REF || TREE_CODE (base) == TARGET_MEM_REF)
    {
      tree ptr = TREE_OPERAND (base, 0);
      if (TREE_CODE (ptr) == SSA_NAME)
	return ssa_region (st, ptr);
      if (TREE_CODE (ptr) == ADDR_EXPR)
	return decl_region (get_base_address (TREE_OPERAND (ptr, 0)));
      return flow_region ();
    }
  return decl_region (base);
}

/* Where the pointer OP (an operand) points.  */

static flow_region
pointer_region (flow_state *st, tree op)
{
  if (!op)
    return flow_region ();
  if (TREE_CODE (op) == SSA_NAME)
    return ssa_region (st, op);
  if (TREE_CODE (op) == ADDR_EXPR)
    return base_region (st, get_base_address (TREE_OPERAND (op, 0)));
  return flow_region ();
}

/* May the current function read KEY: does it hold the key, or does
   every way into it?  A load anywhere else faults (unguarded.cc warns),
   and is no source.  */

static bool
may_hold (flow_state *st, const char *key)
{
  bool existed;
  bool &held = st->may_hold.get_or_insert (key, &existed);
  if (!existed)
    held = ((pkeyplug_function_grant (st->fndecl, key) & PKEYPLUG_GRANT_READ)
	    || pkeyplug_callers_hold_key (st->fndecl, key,
					  PKEYPLUG_GRANT_READ));
  return held;
}

/* The data the memory of R holds, when read at LOC.  */

static flow_taint
memory_taint (flow_state *st, const flow_region &r, location_t loc)
{
  flow_taint t = flow_taint ();
  switch (r.kind)
    {
    case REGION_PROTECTED:
      if (r.readonly || st->declassified.contains (r.decl)
	  || !may_hold (st, r.key))
	break;
      t.key = r.key;
      t.decl = r.decl;
      t.loc = loc;
      break;
    case REGION_KEY_HEAP:
      if (!may_hold (st, r.key))
	break;
      t.key = r.key;
      t.loc = loc;
      break;
    case REGION_LOCAL:
      if (flow_taint *lt = st->locals.get (r.decl))
	t = *lt;
      break;
    case REGION_PARM:
      if (r.parm < FLOW_MAX_PARMS)
	t.parms = 1u << r.parm;
      break;
    default:
      break;
    }
  return t;
}

/* The data the operand OP holds: a value, or memory read.  */

static flow_taint
operand_taint (flow_state *st, tree op, location_t loc)
{
  if (!op)
    return flow_taint ();
  if (TREE_CODE (op) == SSA_NAME)
    return ssa_taint (st, op);
  if (is_gimple_min_invariant (op) || TREE_CODE (op) == CONSTRUCTOR)
    return flow_taint ();
  if (handled_component_p (op) || TREE_CODE (op) == MEM_REF
      || TREE_CODE (op) == TARGET_MEM_REF || DECL_P (op))
    {
      tree base = get_base_address (op);
      if (base && TREE_CODE (base) == SSA_NAME)
	return ssa_taint (st, base);
      return memory_taint (st, base_region (st, base), loc);
    }
  return flow_taint ();
}

/* The data an argument ARG of a call brings: its value, and what it
   points to if POINTEE.  */

static flow_taint
argument_taint (flow_state *st, tree arg, location_t loc, bool pointee)
{
  flow_taint t = operand_taint (st, arg, loc);
  if (pointee && POINTER_TYPE_P (TREE_TYPE (arg)))
    join (&t, memory_taint (st, pointer_region (st, arg), loc));
  return t;
}

/* Record a sink of kind KIND reached by T at the current statement: a
   warning for the unit's own protected data, a summary entry for what
   the parameters bring.  */

static void
sink (flow_state *st, enum flow_sink_kind kind, const flow_taint &t,
      tree fn, const char *dest_key, const flow_sink *via)
{
  unsigned all = t.parms | t.dparms;
  if (all)
    for (int i = 0; i < FLOW_MAX_PARMS; i++)
      if ((all & (1u << i)) && !st->summary.parm_sink[i].set)
	{
	  flow_sink &s = st->summary.parm_sink[i];
	  if (via)
	    s = *via;
	  else
	    {
	      s.set = true;
	      s.derived = false;
	      s.kind = kind;
	      s.loc = gimple_location (st->stmt);
	      s.fn = fn;
	    }
	  if (!(t.parms & (1u << i)))
	    s.derived = true;
	}
  if (!t.key)
    return;
  for (flow_report &r : st->reports)
    if (r.stmt == st->stmt)
      {
	if (r.taint.derived && !t.derived)
	  r.taint = t;
	return;
      }
  flow_report r = { st->stmt, kind, t, dest_key, fn, NULL_TREE,
		    via ? *via : flow_sink () };
  st->reports.safe_push (r);
}

/* Data T goes into the memory of DEST.  */

static void
flow_into (flow_state *st, const flow_region &dest, const flow_taint &t)
{
  if (!tainted_p (t))
    return;
  switch (dest.kind)
    {
    case REGION_LOCAL:
      if (st->declassified.contains (dest.decl))
	return;
      if (join (&st->locals.get_or_insert (dest.decl), t))
	st->changed = true;
      return;
    case REGION_PROTECTED:
    case REGION_KEY_HEAP:
      /* Into another key: the data leaves its own.  What a parameter
	 brings, of a key we do not know, is not followed there.  */
      if (t.key && t.key != dest.key)
	{
	  flow_taint own = t;
	  own.parms = own.dparms = 0;
	  sink (st, SINK_COPY, own, NULL_TREE, dest.key, NULL);
	}
      return;
    case REGION_PARM:
      {
	/* What came through a parameter, put back through the same one,
	   stays where the caller keeps it.  */
	flow_taint rest = t;
	if (dest.parm < FLOW_MAX_PARMS)
	  {
	    rest.parms &= ~(1u << dest.parm);
	    rest.dparms &= ~(1u << dest.parm);
	  }
	/* Only the unit calls a local function: each call says where the
	   parameter points (often a local buffer of a grant).  */
	if (st->local && dest.parm < FLOW_MAX_PARMS)
	  {
	    join (&st->summary.parm_store[dest.parm], rest);
	    return;
	  }
	sink (st, SINK_COPY, rest, NULL_TREE, NULL, NULL);
	return;
      }
    case REGION_GLOBAL:
    case REGION_HEAP:
      sink (st, SINK_COPY, t, NULL_TREE, NULL, NULL);
      return;
    default:
      return;
    }
}

/* The address of the protected object of SRC goes into DEST.  */

static void
address_into (flow_state *st, const flow_region &dest,
	      const flow_region &src)
{
  if (src.kind == REGION_LOCAL)
    {
      /* A local that holds protected data escapes: everyone who finds
	 the pointer reads the data (while the frame lives).  */
      flow_taint *lt = st->locals.get (src.decl);
      if (!lt || !lt->key
	  || (dest.kind != REGION_GLOBAL && dest.kind != REGION_HEAP
	      && !(dest.kind == REGION_PARM && !st->local)))
	return;
      flow_taint own = *lt;
      own.parms = own.dparms = 0;
      for (flow_report &r : st->reports)
	if (r.stmt == st->stmt)
	  return;
      flow_report r = { st->stmt, SINK_ESCAPE, own, NULL, NULL_TREE,
			src.decl, flow_sink () };
      st->reports.safe_push (r);
      return;
    }
  if (src.kind != REGION_PROTECTED || src.readonly)
    return;
  if (dest.kind != REGION_GLOBAL && dest.kind != REGION_HEAP
      && dest.kind != REGION_PARM
      && !(dest.kind == REGION_PROTECTED && dest.key != src.key))
    return;
  for (flow_report &r : st->reports)
    if (r.stmt == st->stmt)
      return;
  flow_taint t = flow_taint ();
  t.key = src.key;
  t.decl = src.decl;
  t.loc = gimple_location (st->stmt);
  flow_report r = { st->stmt, SINK_ADDRESS, t, NULL, NULL_TREE, src.decl,
		    flow_sink () };
  st->reports.safe_push (r);
}

/* An assignment.  */

static void
walk_assign (flow_state *st, gassign *g)
{
  tree lhs = gimple_assign_lhs (g);
  location_t loc = gimple_location (g);
  if (gimple_clobber_p (g))
    return;
  enum tree_code code = gimple_assign_rhs_code (g);
  tree rhs1 = gimple_assign_rhs1 (g);
  flow_taint t = flow_taint ();
  flow_region r = flow_region ();

  switch (get_gimple_rhs_class (code))
    {
    case GIMPLE_SINGLE_RHS:
      t = operand_taint (st, rhs1, loc);
      if (TREE_CODE (rhs1) == SSA_NAME || TREE_CODE (rhs1) == ADDR_EXPR)
	r = pointer_region (st, rhs1);
      break;
    case GIMPLE_UNARY_RHS:
      t = operand_taint (st, rhs1, loc);
      if (CONVERT_EXPR_CODE_P (code) || code == PAREN_EXPR)
	r = pointer_region (st, rhs1);
      else
	t = derive (t);
      break;
    case GIMPLE_BINARY_RHS:
    case GIMPLE_TERNARY_RHS:
      if (code == POINTER_PLUS_EXPR)
	{
	  /* Still the same object's bytes.  */
	  r = pointer_region (st, rhs1);
	  break;
	}
      t = operand_taint (st, rhs1, loc);
      join (&t, operand_taint (st, gimple_assign_rhs2 (g), loc));
      if (gimple_num_ops (g) > 3)
	join (&t, operand_taint (st, gimple_assign_rhs3 (g), loc));
      t = derive (t);
      break;
    default:
      return;
    }

  if (TREE_CODE (lhs) == SSA_NAME)
    {
      set_ssa (st, lhs, t, r);
      return;
    }
  /* A store, or a copy of memory to memory.  */
  tree base = get_base_address (lhs);
  if (!base || TREE_CODE (base) == SSA_NAME)
    return;
  flow_region dest = base_region (st, base);
  flow_into (st, dest, t);
  address_into (st, dest, r);
}

/* What the unit's own function FNDECL does with its arguments.  */

static const flow_summary *
summary_of (tree fndecl)
{
  if (!fndecl || !summaries)
    return NULL;
  cgraph_node *node = cgraph_node::get (fndecl);
  if (node)
    {
      node = node->ultimate_alias_target ();
      if (node)
	fndecl = node->decl;
    }
  return summaries->get (fndecl);
}

/* Known library functions: which arguments they copy or write out.  */
enum flow_callee_kind
{
  CALLEE_COPY,			/* Copies the memory of SRC to DEST.  */
  CALLEE_OUTPUT,		/* Writes out the memory of DATA.  */
  CALLEE_PUTC,			/* Writes out the value DATA.  */
  CALLEE_PRINT,			/* Writes out the arguments from DATA on.  */
  CALLEE_FORMAT,		/* Formats the arguments from DATA on into
				   the memory of DEST.  */
  CALLEE_ALLOC,			/* Returns a new heap block.  */
  CALLEE_DUP			/* Returns a new heap block holding a copy
				   of the memory of DATA.  */
};

struct flow_callee
{
  const char *name;
  enum flow_callee_kind kind;
  int dest;
  int data;
};

static const struct flow_callee flow_callees[] =
{
  { "memcpy", CALLEE_COPY, 0, 1 },
  { "memmove", CALLEE_COPY, 0, 1 },
  { "mempcpy", CALLEE_COPY, 0, 1 },
  { "memccpy", CALLEE_COPY, 0, 1 },
  { "bcopy", CALLEE_COPY, 1, 0 },
  { "strcpy", CALLEE_COPY, 0, 1 },
  { "strncpy", CALLEE_COPY, 0, 1 },
  { "stpcpy", CALLEE_COPY, 0, 1 },
  { "stpncpy", CALLEE_COPY, 0, 1 },
  { "strcat", CALLEE_COPY, 0, 1 },
  { "strncat", CALLEE_COPY, 0, 1 },
  { "strlcpy", CALLEE_COPY, 0, 1 },
  { "strlcat", CALLEE_COPY, 0, 1 },
  { "__memcpy_chk", CALLEE_COPY, 0, 1 },
  { "__memmove_chk", CALLEE_COPY, 0, 1 },
  { "__mempcpy_chk", CALLEE_COPY, 0, 1 },
  { "__strcpy_chk", CALLEE_COPY, 0, 1 },
  { "__strncpy_chk", CALLEE_COPY, 0, 1 },
  { "__stpcpy_chk", CALLEE_COPY, 0, 1 },
  { "__stpncpy_chk", CALLEE_COPY, 0, 1 },
  { "__strcat_chk", CALLEE_COPY, 0, 1 },
  { "__strncat_chk", CALLEE_COPY, 0, 1 },
  { "write", CALLEE_OUTPUT, -1, 1 },
  { "pwrite", CALLEE_OUTPUT, -1, 1 },
  { "send", CALLEE_OUTPUT, -1, 1 },
  { "sendto", CALLEE_OUTPUT, -1, 1 },
  { "fwrite", CALLEE_OUTPUT, -1, 0 },
  { "fwrite_unlocked", CALLEE_OUTPUT, -1, 0 },
  { "fputs", CALLEE_OUTPUT, -1, 0 },
  { "fputs_unlocked", CALLEE_OUTPUT, -1, 0 },
  { "puts", CALLEE_OUTPUT, -1, 0 },
  { "perror", CALLEE_OUTPUT, -1, 0 },
  { "fputc", CALLEE_PUTC, -1, 0 },
  { "putc", CALLEE_PUTC, -1, 0 },
  { "putchar", CALLEE_PUTC, -1, 0 },
  { "fputc_unlocked", CALLEE_PUTC, -1, 0 },
  { "putc_unlocked", CALLEE_PUTC, -1, 0 },
  { "putchar_unlocked", CALLEE_PUTC, -1, 0 },
  { "printf", CALLEE_PRINT, -1, 0 },
  { "fprintf", CALLEE_PRINT, -1, 1 },
  { "dprintf", CALLEE_PRINT, -1, 1 },
  { "syslog", CALLEE_PRINT, -1, 1 },
  { "warn", CALLEE_PRINT, -1, 0 },
  { "warnx", CALLEE_PRINT, -1, 0 },
  { "err", CALLEE_PRINT, -1, 1 },
  { "errx", CALLEE_PRINT, -1, 1 },
  { "__printf_chk", CALLEE_PRINT, -1, 1 },
  { "__fprintf_chk", CALLEE_PRINT, -1, 2 },
  { "__dprintf_chk", CALLEE_PRINT, -1, 2 },
  { "__syslog_chk", CALLEE_PRINT, -1, 2 },
  { "sprintf", CALLEE_FORMAT, 0, 1 },
  { "snprintf", CALLEE_FORMAT, 0, 2 },
  { "__sprintf_chk", CALLEE_FORMAT, 0, 3 },
  { "__snprintf_chk", CALLEE_FORMAT, 0, 4 },
  { "malloc", CALLEE_ALLOC, -1, -1 },
  { "calloc", CALLEE_ALLOC, -1, -1 },
  { "realloc", CALLEE_ALLOC, -1, -1 },
  { "aligned_alloc", CALLEE_ALLOC, -1, -1 },
  { "strdup", CALLEE_DUP, -1, 0 },
  { "strndup", CALLEE_DUP, -1, 0 },
  { "__strdup", CALLEE_DUP, -1, 0 },
  { "__strndup", CALLEE_DUP, -1, 0 },
  { "memdup", CALLEE_DUP, -1, 0 },
};

/* The entry of FNDECL in flow_callees, by name (a __builtin_ spelling
   counts as the plain one).  */

static const flow_callee *
known_callee (tree fndecl)
{
  if (!fndecl || !DECL_NAME (fndecl))
    return NULL;
  /* A function of the unit is not the library's.  */
  if (!DECL_EXTERNAL (fndecl) && !fndecl_built_in_p (fndecl))
    return NULL;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  if (strncmp (name, "__builtin_", strlen ("__builtin_")) == 0)
    name += strlen ("__builtin_");
  for (const flow_callee &c : flow_callees)
    if (strcmp (c.name, name) == 0)
      return &c;
  return NULL;
}

/* Is the argument ARG of a print function written out as a string?  A
   pointer to characters is (%s); any other pointer is printed as an
   address at most.  */

static bool
string_argument_p (tree arg)
{
  tree type = TREE_TYPE (arg);
  return (POINTER_TYPE_P (type)
	  && TYPE_MAIN_VARIANT (TREE_TYPE (type)) == char_type_node);
}

/* The key a call pkeyplug_malloc ("KEY", ...) allocates for, or NULL.  */

static const char *
key_heap_call (gcall *call, tree fndecl)
{
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  if ((strcmp (name, "pkeyplug_malloc") != 0
       && strcmp (name, "pkeyplug_calloc") != 0)
      || gimple_call_num_args (call) < 1)
    return NULL;
  tree arg = gimple_call_arg (call, 0);
  STRIP_NOPS (arg);
  if (TREE_CODE (arg) != ADDR_EXPR)
    return NULL;
  arg = TREE_OPERAND (arg, 0);
  if (TREE_CODE (arg) == ARRAY_REF)
    arg = TREE_OPERAND (arg, 0);
  if (TREE_CODE (arg) != STRING_CST
      || TREE_STRING_LENGTH (arg) < 1
      || TREE_STRING_POINTER (arg)[TREE_STRING_LENGTH (arg) - 1] != '\0'
      || !pkeyplug_valid_key_name (TREE_STRING_POINTER (arg)))
    return NULL;
  return pkeyplug_intern (TREE_STRING_POINTER (arg));
}

/* Is FNDECL pkeyplug_declassify's marker?  */

static bool
declassify_p (tree fndecl)
{
  return (fndecl && DECL_NAME (fndecl)
	  && strcmp (IDENTIFIER_POINTER (DECL_NAME (fndecl)),
		     "__pkeyplug_declassify") == 0);
}

/* Has the unit the body of FNDECL (its summary may not be made yet)?  */

static bool
unit_body_p (tree fndecl)
{
  cgraph_node *node = fndecl ? cgraph_node::get (fndecl) : NULL;
  if (node)
    node = node->ultimate_alias_target ();
  return node && node->has_gimple_body_p ();
}

/* CALL goes to FNDECL, whose body the unit does not have, or through a
   pointer (FNDECL NULL): what its arguments bring (their values and what
   they point to) leaves, unless FNDECL keeps it inside.  */

static void
unseen_call (flow_state *st, gcall *call, tree fndecl, location_t loc)
{
  flow_taint t = flow_taint ();
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    join (&t, argument_taint (st, gimple_call_arg (call, i), loc, true));
  /* Most calls take nothing protected: ask about the callee last.  */
  if (!tainted_p (t) || pkeyplug_flows_keeps_inside (fndecl, NULL))
    return;
  if (t.key && pkeyplug_flows_keeps_inside (fndecl, t.key))
    t.key = NULL;
  if (tainted_p (t))
    sink (st, SINK_CALL, t, fndecl, NULL, NULL);
}

/* Is FNDECL one of GCC's __atomic_ or __sync_ built-ins?  Not a
   function whose body is elsewhere: each is a load, a store or both on
   the object its first argument points to.  */

static bool
atomic_builtin_p (tree fndecl)
{
  if (!fndecl || !fndecl_built_in_p (fndecl, BUILT_IN_NORMAL)
      || !DECL_NAME (fndecl))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  return (strncmp (name, "__atomic_", strlen ("__atomic_")) == 0
	  || strncmp (name, "__sync_", strlen ("__sync_")) == 0);
}

/* CALL is an atomic built-in (atomic_builtin_p) on the object its first
   argument points to: what the other arguments bring goes into that
   object, what the object held comes back in the result and where the
   generic forms' pointer arguments point (the old value, `expected').
   Return the result's data.  */

static flow_taint
atomic_call (flow_state *st, gcall *call, location_t loc)
{
  unsigned nargs = gimple_call_num_args (call);
  if (nargs == 0 || !POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (call, 0))))
    return flow_taint ();
  flow_region object = pointer_region (st, gimple_call_arg (call, 0));
  flow_taint old = memory_taint (st, object, loc);
  flow_taint in = flow_taint ();
  for (unsigned i = 1; i < nargs; i++)
    join (&in, argument_taint (st, gimple_call_arg (call, i), loc, true));
  flow_into (st, object, in);
  for (unsigned i = 1; i < nargs; i++)
    if (POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (call, i))))
      flow_into (st, pointer_region (st, gimple_call_arg (call, i)), old);
  join (&old, in);
  return old;
}

/* A call.  */

static void
walk_call (flow_state *st, gcall *call)
{
  if (gimple_call_internal_p (call))
    return;
  tree fndecl = gimple_call_fndecl (call);
  tree lhs = gimple_call_lhs (call);
  location_t loc = gimple_location (call);
  unsigned nargs = gimple_call_num_args (call);
  flow_taint ret = flow_taint ();
  flow_region ret_region = flow_region ();

  if (declassify_p (fndecl))
    return;
  if (const flow_callee *c = known_callee (fndecl))
    switch (c->kind)
      {
      case CALLEE_COPY:
	if ((unsigned) c->dest < nargs && (unsigned) c->data < nargs)
	  {
	    tree dest = gimple_call_arg (call, c->dest);
	    flow_region src
	      = pointer_region (st, gimple_call_arg (call, c->data));
	    flow_into (st, pointer_region (st, dest),
		       memory_taint (st, src, loc));
	    ret_region = pointer_region (st, dest);
	  }
	break;
      case CALLEE_OUTPUT:
      case CALLEE_PUTC:
	if ((unsigned) c->data < nargs)
	  sink (st, SINK_OUTPUT,
		argument_taint (st, gimple_call_arg (call, c->data), loc,
				c->kind == CALLEE_OUTPUT),
		fndecl, NULL, NULL);
	break;
      case CALLEE_PRINT:
      case CALLEE_FORMAT:
	{
	  flow_taint t = flow_taint ();
	  for (unsigned i = c->data; i < nargs; i++)
	    {
	      tree arg = gimple_call_arg (call, i);
	      join (&t, argument_taint (st, arg, loc,
					string_argument_p (arg)));
	    }
	  if (c->kind == CALLEE_PRINT)
	    sink (st, SINK_OUTPUT, t, fndecl, NULL, NULL);
	  else if ((unsigned) c->dest < nargs)
	    flow_into (st, pointer_region (st, gimple_call_arg (call,
								c->dest)),
		       t);
	}
	break;
      case CALLEE_ALLOC:
	ret_region.kind = REGION_HEAP;
	break;
      case CALLEE_DUP:
	ret_region.kind = REGION_HEAP;
	if ((unsigned) c->data < nargs)
	  flow_into (st, ret_region,
		     memory_taint (st,
				   pointer_region (st,
						   gimple_call_arg (call,
								    c->data)),
				   loc));
	break;
      }
  else if (const flow_summary *s = summary_of (fndecl))
    {
      /* A function of the unit: what it does with each argument.  */
      for (unsigned i = 0; i < nargs && i < FLOW_MAX_PARMS; i++)
	{
	  tree arg = gimple_call_arg (call, i);
	  flow_taint t = argument_taint (st, arg, loc, true);
	  if (!tainted_p (t))
	    continue;
	  if (s->parm_sink[i].set)
	    sink (st, s->parm_sink[i].kind,
		  s->parm_sink[i].derived ? derive (t) : t, fndecl, NULL,
		  &s->parm_sink[i]);
	  if (s->ret.parms & (1u << i))
	    join (&ret, t);
	  if (s->ret.dparms & (1u << i))
	    join (&ret, derive (t));
	}
      flow_taint own = s->ret;
      own.parms = own.dparms = 0;
      join (&ret, own);
      /* What it stores where its pointer parameters point: the data of
	 the unit it read itself, and what the other arguments bring.  */
      for (unsigned j = 0; j < nargs && j < FLOW_MAX_PARMS; j++)
	{
	  const flow_taint &stored = s->parm_store[j];
	  if (!tainted_p (stored))
	    continue;
	  flow_taint t = stored;
	  t.parms = t.dparms = 0;
	  for (unsigned i = 0; i < nargs && i < FLOW_MAX_PARMS; i++)
	    {
	      flow_taint a = argument_taint (st, gimple_call_arg (call, i),
					     loc, true);
	      if (stored.parms & (1u << i))
		join (&t, a);
	      if (stored.dparms & (1u << i))
		join (&t, derive (a));
	    }
	  flow_into (st, pointer_region (st, gimple_call_arg (call, j)), t);
	}
    }
  else if (const char *key = (fndecl && DECL_NAME (fndecl)
			      ? key_heap_call (call, fndecl) : NULL))
    {
      ret_region.kind = REGION_KEY_HEAP;
      ret_region.key = key;
    }
  else if (fndecl && DECL_NAME (fndecl)
	   && strcmp (IDENTIFIER_POINTER (DECL_NAME (fndecl)),
		      "pkeyplug_realloc") == 0 && nargs > 0)
    ret_region = pointer_region (st, gimple_call_arg (call, 0));
  else if (atomic_builtin_p (fndecl))
    join (&ret, atomic_call (st, call, loc));
  else if (!unit_body_p (fndecl))
    unseen_call (st, call, fndecl, loc);

  if (pkeyplug_taint_derived && !summary_of (fndecl))
    {
      /* A function we cannot see computes from its arguments, into its
	 result and into the local objects it is given.  */
      flow_taint t = flow_taint ();
      for (unsigned i = 0; i < nargs; i++)
	join (&t, argument_taint (st, gimple_call_arg (call, i), loc, true));
      t = derive (t);
      join (&ret, t);
      for (unsigned i = 0; i < nargs; i++)
	{
	  flow_region r = pointer_region (st, gimple_call_arg (call, i));
	  if (r.kind == REGION_LOCAL)
	    flow_into (st, r, t);
	}
    }

  if (lhs && TREE_CODE (lhs) == SSA_NAME)
    set_ssa (st, lhs, ret, ret_region);
  else if (lhs)
    {
      tree base = get_base_address (lhs);
      if (base && TREE_CODE (base) != SSA_NAME)
	flow_into (st, base_region (st, base), ret);
    }
}

/* Does the return of the current function give protected data of KEY
   to a caller that may not hold it?  Only a function that holds KEY by
   itself can read it and return it; not when only such functions call it
   (a static grant called from other grants: its caller's return is the
   one that counts, through the summary).  */

static bool
returns_out_of_key (flow_state *st, const char *key)
{
  return ((pkeyplug_function_grant (st->fndecl, key) & PKEYPLUG_GRANT_READ)
	  && !pkeyplug_callers_hold_key (st->fndecl, key,
					 PKEYPLUG_GRANT_READ));
}

/* A return.  */

static void
walk_return (flow_state *st, greturn *g)
{
  tree val = gimple_return_retval (g);
  if (!val)
    return;
  flow_taint t = operand_taint (st, val, gimple_location (g));
  join (&st->summary.ret, t);
  if (t.key && returns_out_of_key (st, t.key))
    {
      flow_taint own = t;
      own.parms = own.dparms = 0;
      sink (st, SINK_RETURN, own, NULL_TREE, NULL, NULL);
    }
  flow_region r = pointer_region (st, val);
  if (r.kind == REGION_PROTECTED && !r.readonly
      && returns_out_of_key (st, r.key))
    {
      flow_taint a = flow_taint ();
      a.key = r.key;
      a.decl = r.decl;
      a.loc = gimple_location (g);
      for (flow_report &rep : st->reports)
	if (rep.stmt == st->stmt)
	  return;
      flow_report rep = { st->stmt, SINK_ADDRESS, a, NULL, NULL_TREE,
			  r.decl, flow_sink () };
      st->reports.safe_push (rep);
    }
}

/* A PHI: what any of its arguments holds.  */

static void
walk_phi (flow_state *st, gphi *phi)
{
  tree res = gimple_phi_result (phi);
  if (virtual_operand_p (res))
    return;
  flow_taint t = flow_taint ();
  flow_region r = flow_region ();
  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
    {
      tree arg = gimple_phi_arg_def (phi, i);
      join (&t, operand_taint (st, arg, gimple_location (phi)));
      if (r.kind == REGION_NONE)
	r = pointer_region (st, arg);
    }
  set_ssa (st, res, t, r);
}

/* Before the walk: the parameters, and the objects declassified.  */

static void
start_function (flow_state *st)
{
  unsigned n = SSANAMES (st->fun) ? SSANAMES (st->fun)->length () : 0;
  st->val.safe_grow_cleared (n);
  st->region.safe_grow_cleared (n);
  int i = 0;
  for (tree parm = DECL_ARGUMENTS (st->fndecl); parm;
       parm = DECL_CHAIN (parm), i++)
    {
      if (i >= FLOW_MAX_PARMS)
	break;
      flow_taint t = flow_taint ();
      t.parms = 1u << i;
      tree def = ssa_default_def (st->fun, parm);
      if (def)
	{
	  flow_region r = flow_region ();
	  if (POINTER_TYPE_P (TREE_TYPE (parm)))
	    {
	      r.kind = REGION_PARM;
	      r.parm = i;
	    }
	  set_ssa (st, def, t, r);
	}
      else
	/* A parameter in memory (an aggregate, or its address taken).  */
	join (&st->locals.get_or_insert (parm), t);
    }

  basic_block bb;
  FOR_EACH_BB_FN (bb, st->fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      if (gcall *call = dyn_cast <gcall *> (gsi_stmt (gsi)))
	if (!gimple_call_internal_p (call)
	    && declassify_p (gimple_call_fndecl (call))
	    && gimple_call_num_args (call) > 0)
	  {
	    flow_region r = pointer_region (st, gimple_call_arg (call, 0));
	    if (r.decl && !st->declassified.add (r.decl) && st->final
		&& pkeyplug_flows_file)
	      pkeyplug_flows_note_declassify (st->fndecl, r.decl,
					      gimple_location (call));
	  }
}

/* Walk the body of ST's function until nothing changes.  */

static void
walk_function (flow_state *st)
{
  start_function (st);
  for (int round = 0; round < 10; round++)
    {
      st->changed = false;
      basic_block bb;
      FOR_EACH_BB_FN (bb, st->fun)
	{
	  for (gphi_iterator gsi = gsi_start_phis (bb); !gsi_end_p (gsi);
	       gsi_next (&gsi))
	    {
	      st->stmt = gsi.phi ();
	      walk_phi (st, gsi.phi ());
	    }
	  for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	       gsi_next (&gsi))
	    {
	      gimple *stmt = gsi_stmt (gsi);
	      st->stmt = stmt;
	      if (gassign *g = dyn_cast <gassign *> (stmt))
		walk_assign (st, g);
	      else if (gcall *c = dyn_cast <gcall *> (stmt))
		walk_call (st, c);
	      else if (greturn *r = dyn_cast <greturn *> (stmt))
		walk_return (st, r);
	    }
	}
      if (!st->changed)
	break;
    }
}

/* The note at the source of T.  */

static void
note_source (const flow_taint &t)
{
  if (t.decl)
    inform (t.loc, "loaded from %qD here", t.decl);
  else
    inform (t.loc, "loaded from a heap block of key %qs here", t.key);
}

/* The name of the library function FN (printf ("%s\n", S) is already a
   call of puts).  */

static const char *
callee_name (tree fn)
{
  if (!fn || !DECL_NAME (fn))
    return "?";
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fn));
  if (strncmp (name, "__builtin_", strlen ("__builtin_")) == 0)
    name += strlen ("__builtin_");
  return name;
}

/* The note at a callee's sink S.  */

static void
note_callee_sink (const flow_sink &s)
{
  switch (s.kind)
    {
    case SINK_COPY:
      inform (s.loc, "copied to unprotected memory here");
      break;
    case SINK_OUTPUT:
      inform (s.loc, "written out by %qs here", callee_name (s.fn));
      break;
    case SINK_RETURN:
      inform (s.loc, "returned to a caller outside the grant here");
      break;
    case SINK_CALL:
      if (s.fn)
	inform (s.loc, "passed to %qD here, whose body the unit does not "
		"have", s.fn);
      else
	inform (s.loc, "passed to a function called through a pointer "
		"here");
      break;
    default:
      inform (s.loc, "let out here");
      break;
    }
}

/* Give the warning R.  */

static void
warn_report (flow_state *st, const flow_report &r)
{
  location_t loc = gimple_location (r.stmt);
  if (loc == UNKNOWN_LOCATION)
    loc = DECL_SOURCE_LOCATION (st->fndecl);
  const char *what = r.taint.derived ? "data computed from protected data"
				     : "protected data";
  auto_diagnostic_group d;
  bool warned = false;
  if (r.via.set)
    warned = warning_at (loc, OPT_Wattributes, "%s of key %qs is passed to "
			 "%qD, which %s", what, r.taint.key, r.fn,
			 r.via.kind == SINK_COPY
			 ? "copies it to unprotected memory"
			 : r.via.kind == SINK_OUTPUT ? "writes it out"
			 : r.via.kind == SINK_CALL
			 ? "passes it to a function the unit cannot see"
			 : "lets it out");
  else
    switch (r.kind)
      {
      case SINK_COPY:
	if (r.dest_key)
	  warned = warning_at (loc, OPT_Wattributes, "%s of key %qs is "
			       "copied to memory of key %qs", what,
			       r.taint.key, r.dest_key);
	else
	  warned = warning_at (loc, OPT_Wattributes, "%s of key %qs is "
			       "copied to unprotected memory", what,
			       r.taint.key);
	break;
      case SINK_OUTPUT:
	warned = warning_at (loc, OPT_Wattributes, "%s of key %qs is "
			     "written out by %qs", what, r.taint.key,
			     callee_name (r.fn));
	break;
      case SINK_RETURN:
	warned = warning_at (loc, OPT_Wattributes, "%s of key %qs is "
			     "returned by granting function %qD", what,
			     r.taint.key, st->fndecl);
	break;
      case SINK_ADDRESS:
	if (gimple_code (r.stmt) == GIMPLE_RETURN)
	  warned = warning_at (loc, OPT_Wattributes, "the address of %qD, "
			       "protected by key %qs, is returned by granting "
			       "function %qD", r.addr_decl, r.taint.key,
			       st->fndecl);
	else
	  warned = warning_at (loc, OPT_Wattributes, "the address of %qD, "
			       "protected by key %qs, is stored in "
			       "unprotected memory", r.addr_decl, r.taint.key);
	return;
      case SINK_ESCAPE:
	warned = warning_at (loc, OPT_Wattributes, "the address of %qD, "
			     "which holds %s of key %qs, is stored in "
			     "unprotected memory", r.addr_decl, what,
			     r.taint.key);
	break;
      case SINK_CALL:
	if (r.fn)
	  warned = warning_at (loc, OPT_Wattributes, "%s of key %qs is "
			       "passed to %qD, whose body the unit does not "
			       "have", what, r.taint.key, r.fn);
	else
	  warned = warning_at (loc, OPT_Wattributes, "%s of key %qs is "
			       "passed to a function called through a "
			       "pointer", what, r.taint.key);
	if (warned && r.fn)
	  inform (loc, "if %qD keeps it inside, grant it key %qs where it is "
		  "declared, or name it in "
		  "%<-fplugin-arg-pkeyplug-flows-keep%>", r.fn, r.taint.key);
	break;
      }
  if (!warned)
    return;
  if (r.via.set)
    note_callee_sink (r.via);
  note_source (r.taint);
}

static bool
same_taint (const flow_taint &a, const flow_taint &b)
{
  return (a.key == b.key && a.decl == b.decl && a.loc == b.loc
	  && a.derived == b.derived && a.parms == b.parms
	  && a.dparms == b.dparms);
}

static bool
same_summary (const flow_summary &a, const flow_summary &b)
{
  for (int i = 0; i < FLOW_MAX_PARMS; i++)
    {
      const flow_sink &x = a.parm_sink[i], &y = b.parm_sink[i];
      if (x.set != y.set
	  || (x.set && (x.kind != y.kind || x.loc != y.loc || x.fn != y.fn
			|| x.derived != y.derived)))
	return false;
    }
  for (int i = 0; i < FLOW_MAX_PARMS; i++)
    if (!same_taint (a.parm_store[i], b.parm_store[i]))
      return false;
  return same_taint (a.ret, b.ret);
}

/* Can only the unit's own calls reach NODE, which all show their
   arguments?  Not when it is public, its address is taken, or it is kept
   for asm (at -O0 every function is force_output, to keep the order of
   the source: that alone does not let others call it).  */

static bool
local_function_p (cgraph_node *node)
{
  return (!TREE_PUBLIC (node->decl) && !node->address_taken
	  && !DECL_PRESERVE_P (node->decl)
	  && !(node->force_output && flag_toplevel_reorder)
	  && node->callers);
}

/* Put R in the flows report (flows-report.cc).  */

static void
note_report (flow_state *st, const flow_report &r)
{
  static const char *const kinds[] = { "copy", "output", "return",
				       "address", "address", "call" };
  enum flow_sink_kind kind = r.via.set ? r.via.kind : r.kind;
  location_t loc = gimple_location (r.stmt);
  if (loc == UNKNOWN_LOCATION)
    loc = DECL_SOURCE_LOCATION (st->fndecl);
  tree callee = r.via.set ? r.via.fn : r.fn;
  pkeyplug_flows_note_sink (r.taint.key, kinds[kind], st->fndecl, loc,
			    r.taint.decl, r.taint.loc, r.taint.derived,
			    r.via.set ? r.fn : NULL_TREE,
			    kind == SINK_CALL ? callee : NULL_TREE);
}

/* Analyse NODE's body; with REPORT, give its warnings.  True if its
   summary changed.  */

static bool
analyse_function (cgraph_node *node, bool report)
{
  function *fun = node->get_fun ();
  if (!fun || !fun->cfg || !gimple_in_ssa_p (fun))
    return false;
  push_cfun (fun);
  flow_state st;
  st.fun = fun;
  st.fndecl = node->decl;
  st.summary = flow_summary ();
  st.final = report;
  st.local = local_function_p (node);
  walk_function (&st);
  if (report)
    for (const flow_report &r : st.reports)
      {
	if (pkeyplug_flows_file)
	  note_report (&st, r);
	if (pkeyplug_warn_flows)
	  warn_report (&st, r);
      }
  pop_cfun ();

  bool existed;
  flow_summary &old = summaries->get_or_insert (node->decl, &existed);
  if (existed && same_summary (old, st.summary))
    return false;
  old = st.summary;
  return true;
}

static bool
flows_wanted (void)
{
  return (pkeyplug_warn_flows || pkeyplug_flows_file) && !seen_error ();
}

/* Summaries until they settle (each function's, given its callees'),
   then one more walk that gives the warnings.  */

static unsigned int
follow_unit (void)
{
  summaries = new hash_map<tree, flow_summary>;
  cgraph_node *node;
  for (int round = 0; round < 8; round++)
    {
      bool changed = false;
      FOR_EACH_FUNCTION_WITH_GIMPLE_BODY (node)
	changed |= analyse_function (node, false);
      if (!changed)
	break;
    }
  /* The symbol table lists the last function first: warn in the order
     of the source.  */
  auto_vec<cgraph_node *> order;
  FOR_EACH_FUNCTION_WITH_GIMPLE_BODY (node)
    order.safe_push (node);
  for (unsigned i = order.length (); i-- > 0;)
    analyse_function (order[i], true);
  delete summaries;
  summaries = NULL;
  pkeyplug_flows_write ();
  return 0;
}

/* Its time is shown by -ftime-report as "plugin execution".  */

opt_pass *
pkeyplug_make_flows_pass (gcc::context *ctxt)
{
  return pkeyplug_unit_pass (ctxt, "pkeyplug_flows", TV_PLUGIN_RUN,
			     flows_wanted, follow_unit);
}
