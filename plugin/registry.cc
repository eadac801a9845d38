/* registry.cc -- key descriptors, and the table through which each unit
   tells the runtime about its keys and protected objects.

   A key's descriptor (struct pkeyplug_key_desc) is a page-sized, page-
   aligned COMDAT object named "__pkeyplug_key.KEY": the linker keeps one per
   module, the gates of every unit read it, and the runtime fills it and then
   makes its page read-only.  Each unit that uses a key gets a table of
   struct pkeyplug_unit_entry, a note that tells the runtime where the
   table is (found through the program headers before any constructor
   runs), and a constructor at priority PKEYPLUG_UNIT_INIT_PRIORITY that
   hands the table to __pkeyplug_register_unit (for a runtime that did
   not start first).  The layouts are the ones in pkeyplug-abi.h;
   check_layout compares them with the C compiler's.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

#include <stddef.h>

/* Keys the gates of this unit use, in order of first use.  */
struct key_use_note
{
  const char *key;
  location_t loc;
};
static vec<key_use_note> gate_keys;

static tree desc_type;
static tree desc_name_field;

/* Append a field called NAME of TYPE to the chain *FIELDS of RECORD.  */

static tree
add_field (tree record, tree *fields, const char *name, tree type)
{
  tree f = build_decl (BUILTINS_LOCATION, FIELD_DECL, get_identifier (name),
		       type);
  DECL_CONTEXT (f) = record;
  DECL_CHAIN (f) = *fields;
  *fields = f;
  return f;
}

static tree
char_array (unsigned n)
{
  return build_array_type (char_type_node, build_index_type (size_int (n - 1)));
}

/* Stop if the tree layout TYPE differs from the C layout of SIZE bytes;
   that would be a bug in this file, and the runtime would misread us.  */

static void
check_layout (tree type, size_t size, const char *what)
{
  if (!tree_fits_uhwi_p (TYPE_SIZE_UNIT (type))
      || tree_to_uhwi (TYPE_SIZE_UNIT (type)) != size)
    fatal_error (UNKNOWN_LOCATION, "pkeyplug: internal layout of %qs "
		 "disagrees with pkeyplug-abi.h", what);
}

/* Likewise for the offset of FIELD.  */

static void
check_offset (tree field, size_t offset, const char *what)
{
  if ((size_t) int_byte_position (field) != offset)
    fatal_error (UNKNOWN_LOCATION, "pkeyplug: internal layout of %qs "
		 "disagrees with pkeyplug-abi.h", what);
}

/* Hand the artificial variable DECL to the symbol table.  Variables added
   once the IPA passes have begun are not analysed by finalize_decl, and an
   unanalysed initializer records no references: the objects it points to
   could then be dropped as unreachable.  */

static void
finalize_artificial_variable (tree decl)
{
  varpool_node::finalize_decl (decl);
  varpool_node *node = varpool_node::get (decl);
  if (symtab->state >= IPA && !node->analyzed)
    node->analyze ();
}

/* The C layout of the descriptor agrees with the list the record is made
   from.  */
PKEYPLUG_KEY_DESC_CHECK;

/* The field called NAME of the record TYPE.  */

static tree
desc_field_of (tree type, const char *name)
{
  for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
    if (DECL_NAME (f)
	&& strcmp (IDENTIFIER_POINTER (DECL_NAME (f)), name) == 0)
      return f;
  gcc_unreachable ();
}

/* The type of a key descriptor.  */

static tree
key_desc_type (void)
{
  if (desc_type)
    return desc_type;
  tree t = make_node (RECORD_TYPE);
  tree fields = NULL_TREE;
#define ADD_FIELD(NAME, OFFSET, BITS) \
  add_field (t, &fields, #NAME, BITS == 64 ? long_long_unsigned_type_node \
				       : uint32_type_node);
  PKEYPLUG_KEY_DESC_FIELDS (ADD_FIELD)
#undef ADD_FIELD
  desc_name_field = add_field (t, &fields, "name",
			       char_array (PKEYPLUG_NAME_MAX + 1));
  add_field (t, &fields, "padding",
	     char_array (sizeof (((struct pkeyplug_key_desc *) 0)->padding)));
  /* finish_builtin_struct wants the fields last to first.  */
  finish_builtin_struct (t, "pkeyplug_key_desc", fields, NULL_TREE);
  check_layout (t, sizeof (struct pkeyplug_key_desc), "pkeyplug_key_desc");
#define CHECK_FIELD(NAME, OFFSET, BITS) \
  check_offset (desc_field_of (t, #NAME), OFFSET, "pkeyplug_key_desc");
  PKEYPLUG_KEY_DESC_FIELDS (CHECK_FIELD)
#undef CHECK_FIELD
  check_offset (desc_name_field, PKEYPLUG_KEY_DESC_NAME_OFFSET,
		"pkeyplug_key_desc");
  desc_type = t;
  return t;
}

/* The field called NAME of a descriptor type.  */

static tree
desc_field (const char *name)
{
  return desc_field_of (key_desc_type (), name);
}

/* A reference to field NAME of the descriptor DESC.  */

tree
pkeyplug_desc_ref (tree desc, const char *name)
{
  tree f = desc_field (name);
  return build3 (COMPONENT_REF, TREE_TYPE (f), desc, f, NULL_TREE);
}

/* A STRING_CST holding S, typed as the char array TYPE.  */

static tree
string_of_type (const char *s, tree type)
{
  tree str = build_string (strlen (s) + 1, s);
  TREE_TYPE (str) = type;
  return str;
}

/* Return the descriptor of key KEY in this unit, creating it on first
   use.  */

tree
pkeyplug_key_descriptor (const char *key)
{
  tree id = get_identifier (ACONCAT ((PKEYPLUG_DESC_PREFIX, key, NULL)));
  if (symtab_node *n = symtab_node::get_for_asmname (id))
    return n->decl;

  tree type = key_desc_type ();
  tree decl = build_decl (BUILTINS_LOCATION, VAR_DECL, id, type);
  SET_DECL_ASSEMBLER_NAME (decl, id);
  TREE_STATIC (decl) = 1;
  TREE_PUBLIC (decl) = 1;
  TREE_USED (decl) = 1;
  TREE_ADDRESSABLE (decl) = 1;
  DECL_ARTIFICIAL (decl) = 1;
  DECL_IGNORED_P (decl) = 1;
  /* Never optimised away, never assumed constant: the runtime writes it
     behind the compiler's back.  */
  DECL_PRESERVE_P (decl) = 1;
  DECL_VISIBILITY (decl) = VISIBILITY_HIDDEN;
  DECL_VISIBILITY_SPECIFIED (decl) = 1;
  SET_DECL_ALIGN (decl, PKEYPLUG_PAGE_SIZE * BITS_PER_UNIT);
  DECL_USER_ALIGN (decl) = 1;
  DECL_INITIAL (decl)
    = build_constructor_single (type, desc_name_field,
				string_of_type (key,
						TREE_TYPE (desc_name_field)));
  make_decl_one_only (decl, id);
  finalize_artificial_variable (decl);
  return decl;
}

/* Remember that a gate of this unit uses KEY (first at LOC).  */

void
pkeyplug_note_key_use (const char *key, location_t loc)
{
  unsigned i;
  key_use_note *n;
  FOR_EACH_VEC_ELT (gate_keys, i, n)
    if (n->key == key)
      return;
  key_use_note note = { key, loc };
  gate_keys.safe_push (note);
}

/* The unit table: its entry type and the entries collected so far.  */

struct unit_table
{
  tree type;
  tree f_kind, f_policy, f_flags, f_line, f_desc, f_key, f_addr, f_size,
    f_name, f_file;
  vec<constructor_elt, va_gc> *entries;
  unsigned count;
};

static void
init_table (struct unit_table *t)
{
  tree cstr = build_pointer_type (build_qualified_type (char_type_node,
							 TYPE_QUAL_CONST));
  tree r = make_node (RECORD_TYPE);
  tree fields = NULL_TREE;
  t->f_kind = add_field (r, &fields, "kind", uint32_type_node);
  t->f_policy = add_field (r, &fields, "policy", uint32_type_node);
  t->f_flags = add_field (r, &fields, "flags", uint32_type_node);
  t->f_line = add_field (r, &fields, "line", uint32_type_node);
  t->f_desc = add_field (r, &fields, "desc", ptr_type_node);
  t->f_key = add_field (r, &fields, "key", cstr);
  t->f_addr = add_field (r, &fields, "addr", const_ptr_type_node);
  t->f_size = add_field (r, &fields, "size", uint64_type_node);
  t->f_name = add_field (r, &fields, "name", cstr);
  t->f_file = add_field (r, &fields, "file", cstr);
  finish_builtin_struct (r, "pkeyplug_unit_entry", fields, NULL_TREE);
  check_layout (r, sizeof (struct pkeyplug_unit_entry),
		"pkeyplug_unit_entry");
  check_offset (t->f_file, offsetof (struct pkeyplug_unit_entry, file),
		"pkeyplug_unit_entry");
  t->type = r;
  t->entries = NULL;
  t->count = 0;
}

static tree
cstring (const char *s)
{
  return build_string_literal (strlen (s) + 1, s);
}

static tree
u32 (unsigned v)
{
  return build_int_cst (uint32_type_node, v);
}

/* Append one entry.  ADDR and NAME are NULL_TREE for key entries.  */

static void
add_entry (struct unit_table *t, unsigned kind, unsigned policy,
	   unsigned flags, location_t loc, const char *key, tree addr,
	   unsigned HOST_WIDE_INT size, const char *name)
{
  vec<constructor_elt, va_gc> *v = NULL;
  tree desc = pkeyplug_key_descriptor (key);
  const char *file = LOCATION_FILE (loc);
  if (!file)
    file = main_input_filename;

  CONSTRUCTOR_APPEND_ELT (v, t->f_kind, u32 (kind));
  CONSTRUCTOR_APPEND_ELT (v, t->f_policy, u32 (policy));
  CONSTRUCTOR_APPEND_ELT (v, t->f_flags, u32 (flags));
  CONSTRUCTOR_APPEND_ELT (v, t->f_line, u32 (LOCATION_LINE (loc)));
  CONSTRUCTOR_APPEND_ELT (v, t->f_desc,
			  fold_convert (ptr_type_node,
					build_fold_addr_expr (desc)));
  CONSTRUCTOR_APPEND_ELT (v, t->f_key, cstring (key));
  CONSTRUCTOR_APPEND_ELT (v, t->f_addr,
			  addr ? addr : build_int_cst (const_ptr_type_node,
						       0));
  CONSTRUCTOR_APPEND_ELT (v, t->f_size,
			  build_int_cst (uint64_type_node, size));
  CONSTRUCTOR_APPEND_ELT (v, t->f_name,
			  name ? cstring (name)
			  : build_int_cst (TREE_TYPE (t->f_name), 0));
  CONSTRUCTOR_APPEND_ELT (v, t->f_file, cstring (file ? file : ""));
  CONSTRUCTOR_APPEND_ELT (t->entries, size_int (t->count),
			  build_constructor (t->type, v));
  t->count++;
}

/* The name of DECL as the user wrote it; for a function-local static of a
   C function, "function::name".  */

static const char *
object_name (tree decl)
{
  const char *name = lang_hooks.decl_printable_name (decl, 2);
  tree ctx = DECL_CONTEXT (decl);
  if (ctx && TREE_CODE (ctx) == FUNCTION_DECL && !strstr (name, "::"))
    name = ACONCAT ((lang_hooks.decl_printable_name (ctx, 2), "::", name,
		     NULL));
  return ggc_strdup (name);
}

/* A key the unit uses, and what it knows of its policy.  */
struct unit_key
{
  const char *key;
  unsigned policy;
  bool policy_known;
  location_t loc;
};

static void
note_unit_key (vec<unit_key> *keys, const char *key, unsigned policy,
	       bool known, location_t loc)
{
  unsigned i;
  unit_key *k;
  FOR_EACH_VEC_ELT (*keys, i, k)
    if (k->key == key)
      {
	if (known && !k->policy_known)
	  {
	    k->policy = policy;
	    k->policy_known = true;
	    k->loc = loc;
	  }
	return;
      }
  unit_key nk = { key, policy, known, loc };
  keys->safe_push (nk);
}

/* The statement that announces TABLE (of COUNT entries) in the unit's
   note (PKEYPLUG_NOTE_ASM), for the constructor's body: an asm, so that
   the table's place is an offset the assembler and the linker work out,
   and the table keeps its name through LTO's renaming.  The large code
   models take no symbol as an immediate operand: there the unit goes
   without a note, and says so.  */

static tree
unit_note (tree table, unsigned count)
{
  if (ix86_cmodel == CM_LARGE || ix86_cmodel == CM_LARGE_PIC)
    {
      warning_at (UNKNOWN_LOCATION, 0, "pkeyplug: with %<-mcmodel=large%> "
		  "the runtime finds this unit only when its constructor "
		  "runs; code that runs before it can reach its protected "
		  "objects");
      return NULL_TREE;
    }
  tree inputs = pkeyplug_asm_operand ("i", build_fold_addr_expr (table));
  inputs = chainon (inputs, pkeyplug_asm_operand ("i", u32 (count)));
  inputs = chainon (inputs,
		    pkeyplug_asm_operand ("i", u32 (PKEYPLUG_ABI_VERSION)));
  tree text = build_string (strlen (PKEYPLUG_NOTE_ASM), PKEYPLUG_NOTE_ASM);
  tree note = build5 (ASM_EXPR, void_type_node, text, NULL_TREE, inputs,
		      NULL_TREE, NULL_TREE);
  ASM_VOLATILE_P (note) = 1;
  return note;
}


/* Refer to the runtime's function PKEYPLUG_RUNTIME_SYMBOL first of all,
   so that a link without libpkeyrt fails first with "undefined reference
   to `pkeyplug: add -lpkeyrt to the link'" rather than with the runtime's
   internal names: the linker reports undefined symbols in the order of
   the sections and the relocations that use them, and this top-level asm
   comes before any code, so a call at the start of .text is the unit's
   first relocation (a call: the assembler relaxes jumps, and records
   their relocations last).  The call is never executed.  */

static void
require_runtime (void)
{
  static const char text[] =
    "\t.pushsection\t.text\n"
    "\tcall\t\"" PKEYPLUG_RUNTIME_SYMBOL "\"@PLT\n"
    "\t.popsection\n";
  pkeyplug_asm_first (text, sizeof text - 1);
}
/* Place this unit's protected variables, then emit its table and
   constructor.  Runs as the first IPA pass after free_lang_data: every
   function has been lowered (and its gates noted) by then, no variable has
   been written out yet, and a function added before free_lang_data would
   trip it when compiling for LTO.  */

static unsigned int
emit_unit_table (void)
{
  /* In LTO the table was built when the unit was compiled.  */
  if (in_lto_p || seen_error ())
    return 0;

  auto_vec<unit_key> keys;
  auto_vec<tree> objects;
  varpool_node *vnode;
  FOR_EACH_VARIABLE (vnode)
    {
      tree decl = vnode->decl;
      tree attr = pkeyplug_first_attr (decl);
      struct pkey_use use;
      if (!attr || !pkeyplug_read_use (attr, &use))
	continue;
      /* An alias whose pkey attribute came after its alias attribute
	 (the handler rejects the other order) has no storage of its own.  */
      if (vnode->alias)
	{
	  error_at (DECL_SOURCE_LOCATION (decl), "%qs attribute on alias "
		    "%qD: protect the object it refers to", PKEYPLUG_ATTR,
		    decl);
	  continue;
	}
      bool defined = vnode->definition && !DECL_EXTERNAL (decl);
      note_unit_key (&keys, use.key, use.policy,
		     defined || use.policy_given,
		     DECL_SOURCE_LOCATION (decl));
      if (defined)
	objects.safe_push (decl);
    }
  unsigned i;
  key_use_note *n;
  FOR_EACH_VEC_ELT (gate_keys, i, n)
    note_unit_key (&keys, n->key, PKEYPLUG_POLICY_NOACCESS, false, n->loc);
  if (keys.is_empty ())
    return 0;

  struct unit_table t;
  init_table (&t);
  unit_key *k;
  FOR_EACH_VEC_ELT (keys, i, k)
    add_entry (&t, PKEYPLUG_ENTRY_KEY, k->policy,
	       (k->policy_known ? PKEYPLUG_KEY_POLICY_KNOWN : 0)
	       | (pkeyplug_gate_style == PKEYPLUG_SEALED_GATES
		  ? PKEYPLUG_KEY_SEALED : 0), k->loc,
	       k->key, NULL_TREE, 0, NULL);

  tree decl;
  FOR_EACH_VEC_ELT (objects, i, decl)
    {
      struct pkey_use use;
      bool readonly;
      pkeyplug_read_use (pkeyplug_first_attr (decl), &use);
      if (!pkeyplug_place_variable (decl, use.key, &readonly))
	continue;
      unsigned HOST_WIDE_INT size = 0;
      if (DECL_SIZE_UNIT (decl) && tree_fits_uhwi_p (DECL_SIZE_UNIT (decl)))
	size = tree_to_uhwi (DECL_SIZE_UNIT (decl));
      TREE_ADDRESSABLE (decl) = 1;
      add_entry (&t, PKEYPLUG_ENTRY_VAR, use.policy,
		 readonly ? PKEYPLUG_VAR_CONST : 0,
		 DECL_SOURCE_LOCATION (decl), use.key,
		 fold_convert (const_ptr_type_node,
			       build_fold_addr_expr (decl)),
		 size, object_name (decl));
      if (pkeyplug_verbose)
	inform (DECL_SOURCE_LOCATION (decl), "pkeyplug: %qD protected by key "
		"%qs", decl, use.key);
    }
  if (seen_error ())
    return 0;

  tree array_type = build_array_type (t.type,
				      build_index_type (size_int (t.count
								  - 1)));
  tree table = build_decl (BUILTINS_LOCATION, VAR_DECL,
			   get_identifier ("__pkeyplug_unit_table"),
			   array_type);
  TREE_STATIC (table) = 1;
  TREE_READONLY (table) = 1;
  TREE_USED (table) = 1;
  TREE_ADDRESSABLE (table) = 1;
  DECL_ARTIFICIAL (table) = 1;
  DECL_IGNORED_P (table) = 1;
  DECL_INITIAL (table) = build_constructor (array_type, t.entries);
  TREE_CONSTANT (DECL_INITIAL (table)) = 1;
  TREE_STATIC (DECL_INITIAL (table)) = 1;
  finalize_artificial_variable (table);

  tree fntype = build_function_type_list (void_type_node,
					  const_ptr_type_node,
					  uint32_type_node, uint32_type_node,
					  NULL_TREE);
  tree fn = build_fn_decl ("__pkeyplug_register_unit", fntype);
  TREE_NOTHROW (fn) = 1;
  tree call = build_call_expr (fn, 3,
			       fold_convert (const_ptr_type_node,
					     build_fold_addr_expr (table)),
			       u32 (t.count), u32 (PKEYPLUG_ABI_VERSION));
  tree body = call;
  if (tree note = unit_note (table, t.count))
    body = build2 (COMPOUND_EXPR, void_type_node, note, call);
  cgraph_build_static_cdtor ('I', body, PKEYPLUG_UNIT_INIT_PRIORITY);
  require_runtime ();
  return 0;
}

opt_pass *
pkeyplug_make_unit_table_pass (gcc::context *ctxt)
{
  return pkeyplug_unit_pass (ctxt, "pkeyplug_units", TV_NONE, NULL,
			     emit_unit_table);
}
