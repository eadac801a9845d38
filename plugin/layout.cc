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

   The markers are top-level asm statements, made when the unit is
   compiled.  GCC writes those before any function or variable, and with
   -flto it streams them into the object like the variables themselves, so
   the link-time partitions write them even when the plugin is not loaded
   at the link step, as happens when a build system adds -flto on its own
   (CMake's INTERPROCEDURAL_OPTIMIZATION, Meson's b_lto).  The layout thus
   never depends on the plugin being there at link time.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

/* The section for key KEY; READONLY for const objects, BSS for objects
   that are all zeros.  The result is interned (intern.cc).  */

const char *
pkeyplug_section_name (const char *key, bool readonly, bool bss)
{
  char *buf = ACONCAT ((PKEYPLUG_SECTION_PREFIX, key, readonly ? ".const" : "",
			bss ? ".bss" : "", NULL));
  return pkeyplug_intern (buf);
}

/* Is SEC one of our zero-initialised sections?  */

static bool
bss_section_p (const char *sec)
{
  size_t n = strlen (sec);
  return (pkeyplug_section_p (sec) && n > 4
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

/* The sections whose markers this unit has made.  */

static vec<const char *> marked_sections;

/* The directives of section SEC's markers: one byte on a page of its own
   in SEC, the begin marker, then one in SEC.end, each in a COMDAT group of
   its own so that a module keeps one copy.  A link-time partition writes
   the top-level asm of every unit in it: the assembler symbol makes the
   second copy in one file a no-op.  */

#define MARKERS_ASM \
  "\t.ifndef\t.L__pkeyplug_marked%s\n" \
  "\t.set\t.L__pkeyplug_marked%s, 1\n" \
  "\t.pushsection\t%s,\"awGR\",%s,__pkeyplug_begin%s,comdat\n" \
  "\t.balign\t%d\n\t.zero\t1\n\t.popsection\n" \
  "\t.pushsection\t%s.end,\"awGR\",%s,__pkeyplug_end%s,comdat\n" \
  "\t.balign\t%d\n\t.zero\t1\n\t.popsection\n" \
  "\t.endif\n"

/* Hand TEXT (LEN bytes) to GCC as a top-level asm statement that comes
   before anything the unit writes: with -fno-toplevel-reorder (and at -O0,
   which implies it) GCC writes everything in the order it was made, and
   a protected variable exists before its attribute places it.  */

void
pkeyplug_asm_first (const char *text, size_t len)
{
  asm_node *node = symtab->finalize_toplevel_asm (build_string (len, text));
  node->order = -1;
}

/* Make the markers of section SEC, the begin marker first: see the
   comment at the top.  */

static void
mark_section (const char *sec)
{
  if (marked_sections.contains (sec))
    return;
  marked_sections.safe_push (sec);
  const char *type = bss_section_p (sec) ? "@nobits" : "@progbits";
  char text[sizeof MARKERS_ASM + 8 * (sizeof PKEYPLUG_SECTION_PREFIX ".const.bss"
				      + PKEYPLUG_NAME_MAX) + 2 * 16];
  int n = snprintf (text, sizeof text, MARKERS_ASM, sec, sec, sec, type,
		    sec, PKEYPLUG_PAGE_SIZE, sec, type, sec, PKEYPLUG_PAGE_SIZE);
  gcc_checking_assert (n > 0 && (size_t) n < sizeof text);
  pkeyplug_asm_first (text, n);
}

/* Is SEC one of our sections?  */

bool
pkeyplug_section_p (const char *sec)
{
  return strncmp (sec, PKEYPLUG_SECTION_PREFIX,
		  sizeof PKEYPLUG_SECTION_PREFIX - 1) == 0;
}

/* Is DECL a const object?  Its section is writable all the same (see
   pkeyplug_forbid_folding); the runtime never grants write access to it.  */

static bool
const_object_p (tree decl)
{
  tree type = strip_array_types (TREE_TYPE (decl));
  return TYPE_READONLY (type) || TYPE_READONLY (TREE_TYPE (decl));
}

/* Place the protected variable DECL of key KEY.  Return true if it now
   lives in a protected section and READONLY says which kind.  */

bool
pkeyplug_place_variable (tree decl, const char *key, bool *readonly)
{
  const char *sec = DECL_SECTION_NAME (decl);
  pkeyplug_forbid_folding (decl);
  *readonly = const_object_p (decl);
  /* Without the plugin, a link-time partition would write a ".bss"
     twin as @progbits, next to our @nobits markers: the linker would
     then make two sections of that name, one without markers.  So a
     unit compiled for LTO keeps zeros in the file instead.  */
  bool bss = bss_initializer_p (decl, true) && !flag_generate_lto;
  const char *want = pkeyplug_section_name (key, *readonly, bss);

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
  mark_section (want);
  return true;
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
  struct pkey_use use;
  if (pkeyplug_read_use (pkeyplug_first_attr (decl), &use))
    pkeyplug_check_pointees (decl, use.key);
}
