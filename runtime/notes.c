/* notes.c -- the pkeyplug ELF notes of a loaded module.

   Units announce their tables in notes (PKEYPLUG_NOTE_UNIT, units.c), and
   every copy of the runtime carries one (PKEYPLUG_NOTE_RUNTIME, copies.c):
   both are found from the program headers that dl_iterate_phdr reports,
   before any constructor of the module has run.  */

#include "pkeyrt.h"

#include <string.h>

/* Call FN (DESC, DESCSZ, INFO, ARG) for each note of owner
   PKEYPLUG_NOTE_NAME and type TYPE in the PT_NOTE segments of module
   INFO; stop early and return nonzero when FN does.  */

int
pkeyrt_each_note (const struct dl_phdr_info *info, uint32_t type,
		  pkeyrt_note_fn *fn, void *arg)
{
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *p = &info->dlpi_phdr[i];
      uintptr_t at, end;
      size_t align;

      if (p->p_type != PT_NOTE)
	continue;
      at = info->dlpi_addr + p->p_vaddr;
      end = at + p->p_memsz;
      align = p->p_align == 8 ? 8 : 4;
      while (at < end && end - at >= sizeof (ElfW(Nhdr)))
	{
	  const ElfW(Nhdr) *n = (const ElfW(Nhdr) *) at;
	  uintptr_t name = at + sizeof *n;
	  uintptr_t desc = name + ((n->n_namesz + align - 1) & ~(align - 1));
	  uintptr_t next = desc + ((n->n_descsz + align - 1) & ~(align - 1));
	  int r;

	  if (next > end || next <= at)
	    break;
	  at = next;
	  if (n->n_type != type
	      || n->n_namesz != sizeof PKEYPLUG_NOTE_NAME
	      || memcmp ((const void *) name, PKEYPLUG_NOTE_NAME,
			 sizeof PKEYPLUG_NOTE_NAME) != 0)
	    continue;
	  if ((r = fn ((const void *) desc, n->n_descsz, info, arg)) != 0)
	    return r;
	}
    }
  return 0;
}
