/* flows-report.cc -- the flows report for reviewers:
   -fplugin-arg-pkeyplug-flows=FILE writes, as JSON, for each key the unit
   uses: its protected objects, the functions that grant it, every place
   where its data leaves (flows.cc: kind copy, output, return, address or
   call, with the load it came from; a call names its callee, "" for a
   call through a pointer) and every pkeyplug_declassify.

     { "unit": "demo.c",
       "keys": [ { "key": "vault",
		   "objects": [ { "name": "master_key", "file": "demo.c",
				  "line": 14 } ],
		   "grants": [ { "name": "sign", "file": "demo.c",
				 "line": 19 } ],
		   "sinks": [ { "kind": "copy", "function": "f",
				"file": "f.c", "line": 9, "derived": false,
				"source": { "name": "master_key", "file": ...,
					    "line": ... },
				"via": "helper", "callee": "hash" } ],
		   "declassified": [ { "function": "g", "name": "buf",
				       "file": "g.c", "line": 12 } ] } ] }

   One file per unit: with several units, give each its own FILE.  The
   report lists what flows.cc found whether or not the warnings are shown
   (-Wno-attributes, warn-flows=no).  */

#include "compat.h"
#include "pkeyplug-plugin.h"

const char *pkeyplug_flows_file;

/* A place where data of KEY leaves.  */
struct flows_sink_entry
{
  const char *key;
  const char *kind;
  tree fn;
  location_t loc;
  tree source;			/* NULL: a heap block of KEY.  */
  location_t source_loc;
  bool derived;
  tree via;			/* The unit's function that lets it out.  */
  tree callee;			/* Kind call: the function called, NULL
				   through a pointer.  */
};

struct flows_declassify_entry
{
  tree fn;
  tree decl;
  location_t loc;
};

static vec<flows_sink_entry> sinks;
static vec<flows_declassify_entry> declassified;

void
pkeyplug_flows_note_sink (const char *key, const char *kind, tree fn,
			  location_t loc, tree source, location_t source_loc,
			  bool derived, tree via, tree callee)
{
  flows_sink_entry e = { key, kind, fn, loc, source, source_loc, derived,
			 via, callee };
  sinks.safe_push (e);
}

void
pkeyplug_flows_note_declassify (tree fn, tree decl, location_t loc)
{
  flows_declassify_entry e = { fn, decl, loc };
  declassified.safe_push (e);
}

/* S as a JSON string.  */

static void
write_string (FILE *f, const char *s)
{
  fputc ('"', f);
  for (; s && *s; s++)
    {
      unsigned char c = *s;
      if (c == '"' || c == '\\')
	fprintf (f, "\\%c", c);
      else if (c < 0x20)
	fprintf (f, "\\u%04x", c);
      else
	fputc (c, f);
    }
  fputc ('"', f);
}

/* The name of DECL as the user writes it.  */

static const char *
decl_name (tree decl)
{
  if (!decl || !DECL_NAME (decl))
    return "";
  return lang_hooks.decl_printable_name (decl, 2);
}

/* "file": ..., "line": ... of LOC.  */

static void
write_where (FILE *f, location_t loc)
{
  expanded_location x = expand_location (loc);
  fputs ("\"file\": ", f);
  write_string (f, x.file ? x.file : "");
  fprintf (f, ", \"line\": %d", x.line);
}

/* { "name": NAME, "file": ..., "line": ... }  */

static void
write_named (FILE *f, const char *name, location_t loc)
{
  fputs ("{ \"name\": ", f);
  write_string (f, name);
  fputs (", ", f);
  write_where (f, loc);
  fputs (" }", f);
}

static int
compare_keys (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The keys of the unit, sorted: those of its protected objects and of
   its functions' grants.  */

static void
collect_keys (auto_vec<const char *> *keys)
{
  varpool_node *var;
  FOR_EACH_VARIABLE (var)
    for (tree a = pkeyplug_first_attr (var->decl); a;
	 a = pkeyplug_next_attr (a))
      {
	struct pkey_use use;
	if (pkeyplug_read_use (a, &use) && !keys->contains (use.key))
	  keys->safe_push (use.key);
      }
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    for (tree a = pkeyplug_first_attr (node->decl); a;
	 a = pkeyplug_next_attr (a))
      {
	struct pkey_use use;
	if (pkeyplug_read_use (a, &use) && !keys->contains (use.key))
	  keys->safe_push (use.key);
      }
  for (const vec<pkey_use> *unit_keys
       : { &pkeyplug_grant_all, &pkeyplug_grant_exported })
    for (const pkey_use &use : *unit_keys)
      if (!keys->contains (use.key))
	keys->safe_push (use.key);
  keys->qsort (compare_keys);
}

/* The entries of KEY.  */

static void
write_key (FILE *f, const char *key)
{
  fputs ("    { \"key\": ", f);
  write_string (f, key);

  fputs (",\n      \"objects\": [", f);
  const char *sep = "";
  /* The symbol table lists the last definition first.  */
  auto_vec<varpool_node *> vars;
  varpool_node *var;
  FOR_EACH_VARIABLE (var)
    vars.safe_push (var);
  for (unsigned i = vars.length (); i-- > 0;)
    {
      var = vars[i];
      struct pkey_use use;
      tree a = pkeyplug_first_attr (var->decl);
      if (!a || !pkeyplug_read_use (a, &use) || use.key != key)
	continue;
      fputs (sep, f);
      write_named (f, decl_name (var->decl),
		   DECL_SOURCE_LOCATION (var->decl));
      sep = ", ";
    }

  fputs ("],\n      \"grants\": [", f);
  sep = "";
  auto_vec<cgraph_node *> order;
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    order.safe_push (node);
  for (unsigned i = order.length (); i-- > 0;)
    {
      tree fn = order[i]->decl;
      if (DECL_ARTIFICIAL (fn)
	  || !(pkeyplug_first_attr (fn) || order[i]->definition)
	  || !pkeyplug_function_grant (fn, key))
	continue;
      fputs (sep, f);
      write_named (f, decl_name (fn), DECL_SOURCE_LOCATION (fn));
      sep = ", ";
    }

  fputs ("],\n      \"sinks\": [", f);
  sep = "";
  for (const flows_sink_entry &s : sinks)
    {
      if (s.key != key)
	continue;
      fprintf (f, "%s\n        { \"kind\": ", sep);
      write_string (f, s.kind);
      fputs (", \"function\": ", f);
      write_string (f, decl_name (s.fn));
      fputs (", ", f);
      write_where (f, s.loc);
      fprintf (f, ", \"derived\": %s,\n          \"source\": ",
	       s.derived ? "true" : "false");
      write_named (f, s.source ? decl_name (s.source) : "", s.source_loc);
      if (s.via)
	{
	  fputs (", \"via\": ", f);
	  write_string (f, decl_name (s.via));
	}
      if (strcmp (s.kind, "call") == 0)
	{
	  fputs (", \"callee\": ", f);
	  write_string (f, s.callee ? decl_name (s.callee) : "");
	}
      fputs (" }", f);
      sep = ",";
    }

  fputs ("],\n      \"declassified\": [", f);
  sep = "";
  for (const flows_declassify_entry &d : declassified)
    {
      /* A declassification names no key: list it under each key the
	 function holds.  */
      if (!pkeyplug_function_grant (d.fn, key)
	  && !pkeyplug_callers_hold_key (d.fn, key, PKEYPLUG_GRANT_READ))
	continue;
      fprintf (f, "%s\n        { \"function\": ", sep);
      write_string (f, decl_name (d.fn));
      fputs (", \"name\": ", f);
      write_string (f, decl_name (d.decl));
      fputs (", ", f);
      write_where (f, d.loc);
      fputs (" }", f);
      sep = ",";
    }
  fputs ("] }", f);
}

/* Write the report, if one was asked for.  */

void
pkeyplug_flows_write (void)
{
  if (!pkeyplug_flows_file)
    return;
  FILE *f = fopen (pkeyplug_flows_file, "w");
  if (!f)
    {
      error ("pkeyplug: cannot write the flows report %qs: %m",
	     pkeyplug_flows_file);
      return;
    }
  auto_vec<const char *> keys;
  collect_keys (&keys);
  fputs ("{ \"unit\": ", f);
  write_string (f, main_input_filename);
  fputs (",\n  \"keys\": [", f);
  const char *sep = "\n";
  for (const char *key : keys)
    {
      fputs (sep, f);
      write_key (f, key);
      sep = ",\n";
    }
  fputs ("\n  ] }\n", f);
  if (fclose (f) != 0)
    error ("pkeyplug: cannot write the flows report %qs: %m",
	   pkeyplug_flows_file);
  sinks.release ();
  declassified.release ();
}
