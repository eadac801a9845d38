/* layout.cc -- put protected variables on pages of their own.

   Each protected variable goes to the section ".pkeyplug.KEY", with
   ".const" added for const objects (whose pages the runtime never makes
   writable) and ".bss" for zero-initialised ones (no file contents).  No
   default linker script pattern matches these names: the linker makes
   each an output section of its own (an orphan), holding the pieces of
   every unit of the module, one after the other, and nothing else.

   Compact layout: what must be page-exclusive is the output section, not
   each unit's piece.  So the pieces keep their objects' own alignment, and
   two COMDAT markers, one copy each per linked module, bound the section:
     - in S itself, a 1-byte piece aligned to a page: the output section
       is then page-aligned, and the first unit emits it first;
     - S.end, a 1-byte section aligned to a page: the linker places
       orphans in the order it first meets them, and every unit creates S
       and S.end one after the other before it writes anything, so S.end
       follows S directly and the page after S's last byte is the marker's.
   A key's data then takes whole pages, with less than one page of padding
   per key per module (GNU ld and gold place orphans this way; the tests
   check it).  Both markers are SHF_GNU_RETAIN, or --gc-sections would drop
   them.

   In a link-time optimisation partition the units' order is gone, so
   there (and wherever the sections were not created up front) each unit's
   piece is aligned to a page and padded to a whole number of pages, as
   every piece was before: exclusive whatever the link order.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

/* The section for key KEY; READONLY for const objects, BSS for objects
   that are all zeros.  The result is interned (intern.cc).  */

const char *
pkeyplug_section_name (const char *key, bool readonly, bool bss)
{
  char *buf = ACONCAT ((".pkeyplug.", key, readonly ? ".const" : "",
			bss ? ".bss" : "", NULL));
  return pkeyplug_intern (buf);
}

/* Is SEC one of our zero-initialised sections?  */

static bool
bss_section_p (const char *sec)
{
  size_t n = strlen (sec);
  return (strncmp (sec, ".pkeyplug.", 10) == 0 && n > 4
	  && strcmp (sec + n - 4, ".bss") == 0);
}

/* The target's section_type_flags, and ours around it: GCC gives
   SECTION_BSS (@nobits, no file contents) only to ".bss." names, and ours
   must not match the default linker script's ".bss.*".  */

static unsigned int (*target_section_type_flags) (tree, const char *, int);

static unsigned int
section_type_flags (tree decl, const char *name, int reloc)
{
  unsigned int flags = target_section_type_flags (decl, name, reloc);
  /* SECTION_NOTYPE would leave the type to the assembler, which knows it
     by the name only for ".bss." ones.  */
  if (bss_section_p (name))
    flags = (flags | SECTION_BSS) & ~SECTION_NOTYPE;
  return flags;
}

void
pkeyplug_init_layout (void)
{
  target_section_type_flags = targetm.section_type_flags;
  targetm.section_type_flags = section_type_flags;
}

/* The sections this unit created up front (compact layout).  */

static vec<const char *> declared_sections;

/* The section directive arguments of marker MARKER ("begin" or "end") of
   section SEC, after its name: flags, type and COMDAT group.  */

static void
print_marker_flags (FILE *f, const char *sec, const char *marker)
{
  fprintf (f, ",\"awGR\",%s,__pkeyplug_%s%s,comdat\n",
	   bss_section_p (sec) ? "@nobits" : "@progbits", marker, sec);
}

/* Create section SEC and its end marker's section, in this order, before
   GCC writes anything into them: see the comment at the top.  */

static void
declare_section_early (const char *sec)
{
  if (!asm_out_file || declared_sections.contains (sec))
    return;
  declared_sections.safe_push (sec);
  const char *type = bss_section_p (sec) ? "@nobits" : "@progbits";
  fprintf (asm_out_file, "\t.pushsection\t%s", sec);
  print_marker_flags (asm_out_file, sec, "begin");
  fprintf (asm_out_file, "\t.popsection\n\t.pushsection\t%s,\"aw\",%s\n"
	   "\t.popsection\n\t.pushsection\t%s.end", sec, type, sec);
  print_marker_flags (asm_out_file, sec, "end");
  fprintf (asm_out_file, "\t.popsection\n");
}

/* Write marker MARKER of SEC: one byte on a page of its own.  */

static void
write_marker (const char *sec, const char *marker, const char *suffix)
{
  fprintf (asm_out_file, "\t.pushsection\t%s%s", sec, suffix);
  print_marker_flags (asm_out_file, sec, marker);
  fprintf (asm_out_file, "\t.balign\t%d\n\t.zero\t1\n\t.popsection\n",
	   PKEYPLUG_PAGE_SIZE);
}

/* Is SEC one of our sections?  */

bool
pkeyplug_section_p (const char *sec)
{
  return strncmp (sec, ".pkeyplug.", 10) == 0;
}

/* Is DECL a const object?  Its section is writable all the same (see
   pkeyplug_forbid_folding); the runtime never grants write access to it.  */

static bool
const_object_p (tree decl)
{
  tree type = strip_array_types (TREE_TYPE (decl));
  return TYPE_READONLY (type) || TYPE_READONLY (TREE_TYPE (decl));
}

/* Keep the optimisers from reading DECL's initializer at compile time: for
   a const object they would copy the secret into the code as immediates,
   out of reach of any key.  A decl that is not TREE_READONLY is never
   folded; its type stays const, so writes are still rejected.  */

void
pkeyplug_forbid_folding (tree decl)
{
  TREE_READONLY (decl) = 0;
}

/* Place the protected variable DECL of key KEY.  Return true if it now
   lives in a protected section and READONLY says which kind.  */

bool
pkeyplug_place_variable (tree decl, const char *key, bool *readonly)
{
  const char *sec = DECL_SECTION_NAME (decl);
  pkeyplug_forbid_folding (decl);
  *readonly = const_object_p (decl);
  const char *want = pkeyplug_section_name (key, *readonly,
					    bss_initializer_p (decl, true));

  if (sec && strcmp (sec, want) != 0)
    {
      error_at (DECL_SOURCE_LOCATION (decl),
		"%qs attribute conflicts with section %qs of %qD: protected "
		"variables are placed in sections of their own",
		PKEYPLUG_ATTR, sec, decl);
      return false;
    }
  if (!sec)
    {
      /* A common symbol would be merged by the linker outside our
	 section.  */
      DECL_COMMON (decl) = 0;
      set_decl_section_name (decl, want);
    }
  declare_section_early (want);
  return true;
}

/* PLUGIN_FINISH_UNIT callback: bound each protected section this unit
   wrote with its markers, or, where it was not created up front, pad the
   unit's piece to whole pages (`.balign' also raises the section's
   alignment to a page, which makes the linker start the piece on a page).
   The sections are found from the objects written out, not remembered
   from placement: in LTO the objects were placed when the unit was
   compiled, and this runs in each link-time partition.  Sections whose
   objects were all optimised away are left alone: they end up empty and
   the linker drops them.  */

void
pkeyplug_finish_unit (void *, void *)
{
  if (!asm_out_file || seen_error ())
    return;

  auto_vec<const char *> done;
  varpool_node *vnode;
  FOR_EACH_VARIABLE (vnode)
    {
      tree decl = vnode->decl;
      if (!TREE_ASM_WRITTEN (decl) || !DECL_SECTION_NAME (decl)
	  || !pkeyplug_section_p (DECL_SECTION_NAME (decl)))
	continue;
      const char *sec = pkeyplug_intern (DECL_SECTION_NAME (decl));
      if (done.contains (sec))
	continue;
      done.safe_push (sec);
      if (declared_sections.contains (sec))
	{
	  write_marker (sec, "begin", "");
	  write_marker (sec, "end", ".end");
	}
      else
	fprintf (asm_out_file, "\t.pushsection\t%s\n\t.balign\t%d\n"
		 "\t.popsection\n", sec, PKEYPLUG_PAGE_SIZE);
    }
}

/* PLUGIN_FINISH_DECL callback.  Redeclarations are checked first
   (redecl.cc).  A `section' attribute written after the `pkey' one, or on
   a redeclaration, is only visible once the declaration is complete:
   report the conflict here, at the declaration, and drop the key so that
   nothing later trips over it.  A redeclaration may also have merged
   TREE_READONLY back in.  */

void
pkeyplug_finish_decl (void *event_data, void *)
{
  tree decl = (tree) event_data;
  if (!decl || TREE_CODE (decl) != VAR_DECL)
    return;
  if (!pkeyplug_check_redecl (decl))
    {
      DECL_ATTRIBUTES (decl) = remove_attribute (PKEYPLUG_ATTR,
						 DECL_ATTRIBUTES (decl));
      return;
    }
  if (!pkeyplug_first_attr (decl))
    return;
  const char *sec = DECL_SECTION_NAME (decl);
  if (sec && !pkeyplug_section_p (sec))
    {
      error_at (DECL_SOURCE_LOCATION (decl),
		"%qs attribute conflicts with section %qs of %qD: protected "
		"variables are placed in sections of their own",
		PKEYPLUG_ATTR, sec, decl);
      DECL_ATTRIBUTES (decl) = remove_attribute (PKEYPLUG_ATTR,
						 DECL_ATTRIBUTES (decl));
      return;
    }
  pkeyplug_forbid_folding (decl);
}
