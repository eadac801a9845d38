/* audit.c -- an LD_AUDIT module (rtld-audit(7)), built without the
   plugin.  The dynamic linker calls la_activity with LA_ACT_CONSISTENT
   once the program's objects are loaded, before it relocates them and
   long before any initialiser, the runtime's included: it finds
   auditmain.c's secret in the program's writable segments and prints
   it.  */
#define _GNU_SOURCE
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

#define MARK "audit-secret-"

unsigned int
la_version (unsigned int version)
{
  (void) version;
  return LAV_CURRENT;
}

void
la_activity (uintptr_t *cookie, unsigned int flag)
{
  const ElfW(Phdr) *ph = (const ElfW(Phdr) *) getauxval (AT_PHDR);
  size_t n = getauxval (AT_PHNUM), i;
  uintptr_t base = 0;
  const char *found = NULL;
  static int done;

  (void) cookie;
  if (flag != LA_ACT_CONSISTENT || done++)
    return;
  for (i = 0; i < n; i++)
    if (ph[i].p_type == PT_PHDR)
      base = (uintptr_t) ph - ph[i].p_vaddr;
  for (i = 0; i < n && found == NULL; i++)
    if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_W))
      found = memmem ((const void *) (base + ph[i].p_vaddr), ph[i].p_filesz,
		      MARK, sizeof MARK - 1);
  printf ("audit module read: %s\n", found != NULL ? found : "nothing");
  fflush (stdout);
}
