/* layout.c -- refuse to start when a protected page holds anything else.

   The plugin puts each key's objects in sections of their own
   (.pkeyplug.KEY, .const, .bss), page-aligned and padded to a page
   (plugin/layout.cc).  A link that does not keep them so (a linker
   script that merges them into .data, an objcopy that renames them, a
   tool that drops the markers) leaves other data on a protected page:
   the first access to it, often at exit (crtstuff's completed.0 in
   .bss), would then be reported as a violation of the secret, and a
   write grant would open that data too.  So before an object is
   protected, the sections of its module are checked against its pages:
   every allocated section that touches one of them must be one of the
   key's own.  The module's file is read for its section headers, once
   per module; a module whose file cannot be read (deleted, no /proc, no
   section headers) is not checked, and says so with verbose=1.  */

#include "pkeyrt.h"
#include "elfread.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

/* A section of the module, where it is loaded.  */
struct loaded_section
{
  uintptr_t start, end;
  const char *name;
};

/* The module checked last: units register one module at a time.  */
static struct
{
  uintptr_t lo, hi;		/* Its PT_LOAD span; 0, 0 if none yet.  */
  char *name;			/* For messages.  */
  struct loaded_section *sections;	/* NULL: not checkable.  */
  size_t nsections;
  char *names;
} module;

struct find_module
{
  uintptr_t addr;
  uintptr_t base, lo, hi;
  const char *name;
  int found;
};

static int
find_module_of (struct dl_phdr_info *info, size_t size, void *data)
{
  struct find_module *f = data;
  uintptr_t lo = UINTPTR_MAX, hi = 0;
  int i, inside = 0;

  (void) size;
  for (i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];
      uintptr_t s = info->dlpi_addr + ph->p_vaddr, e = s + ph->p_memsz;

      if (ph->p_type != PT_LOAD)
	continue;
      lo = s < lo ? s : lo;
      hi = e > hi ? e : hi;
      inside |= f->addr >= s && f->addr < e;
    }
  if (!inside)
    return 0;
  f->base = info->dlpi_addr;
  f->lo = lo;
  f->hi = hi;
  f->name = info->dlpi_name;
  f->found = 1;
  return 1;
}

/* Read the allocated sections of the ELF file PATH, loaded at BASE.  */

static int
read_sections (const char *path, uintptr_t base)
{
  struct pkeyrt_elf elf;
  size_t i;

  if (pkeyrt_elf_open (path, &elf) != 0)
    return -1;
  module.sections = calloc (elf.nsections, sizeof *module.sections);
  if (module.sections == NULL)
    {
      pkeyrt_elf_close (&elf);
      return -1;
    }
  for (i = 0; i < elf.nsections; i++)
    {
      const ElfW(Shdr) *sh = &elf.sh[i];
      struct loaded_section *ls = &module.sections[module.nsections];
      const char *name = pkeyrt_elf_section_name (&elf, i);

      /* .tbss takes no address space of its own.  */
      if (!(sh->sh_flags & SHF_ALLOC) || sh->sh_size == 0
	  || ((sh->sh_flags & SHF_TLS) && sh->sh_type == SHT_NOBITS)
	  || name == NULL)
	continue;
      ls->start = base + sh->sh_addr;
      ls->end = ls->start + sh->sh_size;
      ls->name = name;
      module.nsections++;
    }
  /* The names stay: the sections point into them.  */
  module.names = elf.names;
  elf.names = NULL;
  pkeyrt_elf_close (&elf);
  return 0;
}

/* Make MODULE the module that ADDR lies in.  */

static void
load_module (uintptr_t addr)
{
  struct find_module f = { addr, 0, 0, 0, NULL, 0 };
  const char *path;

  free (module.sections);
  free (module.names);
  free (module.name);
  memset (&module, 0, sizeof module);
  dl_iterate_phdr (find_module_of, &f);
  if (!f.found)
    return;
  module.lo = f.lo;
  module.hi = f.hi;
  /* The program itself has no name here.  */
  if (f.name != NULL && f.name[0] != '\0')
    path = module.name = strdup (f.name);
  else
    {
      const char *execfn = (const char *) getauxval (AT_EXECFN);

      path = "/proc/self/exe";
      module.name = strdup (execfn != NULL ? execfn : "the program");
    }
  if (path == NULL)
    return;
  if (read_sections (path, f.base) != 0 && pkeyrt_config->opt.verbose)
    pkeyrt_note ("cannot read the section headers of %s: the layout of "
		 "its protected pages is not checked", path);
}

/* Is section NAME one of key KEY's: .pkeyplug.KEY, then .const, .bss,
   .end in that order, each at most once?  */

static int
key_section_p (const char *name, const char *key)
{
  static const char *const tails[] = { ".const", ".bss", ".end" };
  size_t i, k = strlen (key), p = sizeof PKEYPLUG_SECTION_PREFIX - 1;

  if (strncmp (name, PKEYPLUG_SECTION_PREFIX, p) != 0
      || strncmp (name + p, key, k) != 0)
    return 0;
  name += p + k;
  for (i = 0; i < 3; i++)
    if (strncmp (name, tails[i], strlen (tails[i])) == 0)
      name += strlen (tails[i]);
  return *name == '\0';
}

void
pkeyrt_check_layout (uintptr_t start, uintptr_t end, const char *key,
		     const char *object)
{
  size_t i;

  if (start < module.lo || start >= module.hi)
    load_module (start);
  for (i = 0; i < module.nsections; i++)
    {
      const struct loaded_section *s = &module.sections[i];

      if (s->end <= start || s->start >= end || key_section_p (s->name, key))
	continue;
      pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "%s: section %s shares a page "
		    "with '%s' (key '%s'), so it cannot be protected alone; "
		    "the link must keep the .pkeyplug.%s sections as the "
		    "plugin made them (no linker script or objcopy that "
		    "merges or renames them)",
		    module.name != NULL ? module.name : "a module", s->name, object,
		    key, key);
    }
}
