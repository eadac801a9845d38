/* layout.cc -- put protected variables on pages of their own.

   Each protected variable goes to the section ".pkeyplug.KEY" (or
   ".pkeyplug.KEY.const" for const objects, whose pages the runtime never
   makes writable).  No
   default linker script pattern matches these names, so the linker keeps
   them apart from .data, .bss and .rodata.  At the end of the unit we align
   each such section to a page and pad it to a whole number of pages: every
   unit's piece of the section then starts and ends on a page boundary, so
   the pages hold nothing but protected data of one key, whatever the link
   order and whatever the linker puts next to the section.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

/* The section for key KEY; READONLY for const objects, BSS for objects
   that are all zeros.  A ".bss." name makes GCC and the assembler give the
   section no file contents (a large zeroed buffer must not bloat the
   object file); the linker may then put the piece inside .bss, which is
   harmless: each unit's piece starts and ends on a page boundary.  The
   result is an identifier's string, so it lives as long as the compiler.  */

const char *
pkeyplug_section_name (const char *key, bool readonly, bool bss)
{
  char *buf = ACONCAT ((bss ? ".bss.pkeyplug." : ".pkeyplug.", key,
			readonly ? ".const" : "", NULL));
  return IDENTIFIER_POINTER (get_identifier (buf));
}

/* Is SEC one of our sections?  */

bool
pkeyplug_section_p (const char *sec)
{
  return (strncmp (sec, ".pkeyplug.", 10) == 0
	  || strncmp (sec, ".bss.pkeyplug.", 14) == 0);
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
  return true;
}

/* PLUGIN_FINISH_UNIT callback: pad each protected section this unit wrote
   to a page boundary.  `.balign' also raises the section's alignment to a
   page, which makes the linker start the unit's piece on a page.  The
   sections are found from the objects written out, not remembered from
   placement: in LTO the objects were placed when the unit was compiled,
   and this runs in each link-time partition.  Sections whose objects were
   all optimised away were never opened and must not be opened here (a
   bare .pushsection would create one with wrong flags).  */

void
pkeyplug_finish_unit (void *, void *)
{
  if (!asm_out_file || seen_error ())
    return;

  auto_vec<const char *> padded;
  varpool_node *vnode;
  FOR_EACH_VARIABLE (vnode)
    {
      tree decl = vnode->decl;
      if (!TREE_ASM_WRITTEN (decl) || !DECL_SECTION_NAME (decl)
	  || !pkeyplug_section_p (DECL_SECTION_NAME (decl)))
	continue;
      const char *sec = IDENTIFIER_POINTER
	(get_identifier (DECL_SECTION_NAME (decl)));
      if (padded.contains (sec))
	continue;
      padded.safe_push (sec);
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
