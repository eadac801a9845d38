/* read-module.h -- the readers' attack: read every byte of a library's
   writable segments, the way a runaway pointer walks over its globals.

   Each real/PROJECT/reader.c first makes the library set its secret,
   then calls read_module ("libNAME.so").  The reader holds no key, so
   the read must stop at the secret's page with a report that names the
   secret (real/run checks the report and the status 134).  Coming back
   means every byte was readable: the reader then exits 1.  Readers are
   built without the plugin: they are the code outside.  The name ""
   picks the main program (the first module, whose name is empty): for
   secrets in a program rather than a library.  */

#ifndef READ_MODULE_H
#define READ_MODULE_H

#define _GNU_SOURCE 1
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct read_module_segments
{
  const char *name;
  int n;
  uintptr_t start[8];
  uintptr_t end[8];
};

/* dl_iterate_phdr's callback: the writable PT_LOAD segments of the
   module whose path contains S->name.  */
static int
read_module_find (struct dl_phdr_info *info, size_t size, void *data)
{
  struct read_module_segments *s = data;
  int i;

  (void) size;
  if (strstr (info->dlpi_name, s->name) == NULL)
    return 0;
  for (i = 0; i < info->dlpi_phnum && s->n < 8; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];
      if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W))
	{
	  s->start[s->n] = info->dlpi_addr + ph->p_vaddr;
	  s->end[s->n] = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
	  s->n++;
	}
    }
  return 1;
}

/* Read all of NAME's writable segments; return the exit status the
   reader ends with when nothing stopped it (1), or 2 if NAME is not
   loaded.  */
static int
read_module (const char *name)
{
  struct read_module_segments s = { name, 0, { 0 }, { 0 } };
  unsigned long sum = 0;
  size_t bytes = 0;
  int i;

  dl_iterate_phdr (read_module_find, &s);
  if (s.n == 0)
    {
      printf ("reader: no writable segment of %s found\n",
	      *name ? name : "the program");
      return 2;
    }
  printf ("reader: reading %d writable segment(s) of %s\n", s.n,
	  *name ? name : "the program");
  fflush (stdout);
  for (i = 0; i < s.n; i++)
    for (uintptr_t p = s.start[i]; p < s.end[i]; p++, bytes++)
      sum += *(volatile const unsigned char *) p;
  printf ("reader: read %zu bytes (sum %lu) and was never stopped\n",
	  bytes, sum);
  return 1;
}

#endif /* READ_MODULE_H */
