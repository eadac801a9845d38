/* harden=1 guards every executable mapping there is when the filter goes
   in, like protected memory: no code page can be made writable or
   read-only, unmapped, moved (mremap could put two pages side by side and
   assemble a WRPKRU across them), discarded, or replaced with MAP_FIXED;
   the code still runs.  The limit that follows: a library loaded before
   the filter stays mapped after dlclose; one loaded after it is unmapped
   as usual.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "reach.h"

/* A function alone on its page(s).  */
__attribute__ ((noinline, aligned (4096), section (".text.victim"))) int
victim (void)
{
  __asm__ volatile (".fill 4096, 1, 0x90");
  return 42;
}

static void *early;

__attribute__ ((constructor)) static void
load_early (void)
{
  early = dlopen ("libanl.so.1", RTLD_NOW);
}

/* Is a file whose name contains NAME mapped executable?  */
static int
mapped (const char *name)
{
  char line[512];
  FILE *f = fopen ("/proc/self/maps", "r");
  int found = 0;

  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f) != NULL)
    if (strstr (line, name) != NULL && strstr (line, " r-xp ") != NULL)
      found = 1;
  fclose (f);
  return found;
}

int
main (void)
{
  void *page = (void *) victim, *late;
  void *libc_page = (void *) ((unsigned long) &printf & ~4095ul);
  void *elsewhere = mmap (NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			  -1, 0);
  int fd = open ("/etc/passwd", O_RDONLY);

  say ("mprotect read-only", mprotect (page, 4096, PROT_READ));
  say ("mprotect writable", mprotect (page, 4096, PROT_READ | PROT_WRITE));
  say ("mprotect libc", mprotect (libc_page, 4096, PROT_READ));
  say ("munmap", munmap (page, 4096));
  say ("mremap", (long) mremap (page, 4096, 4096,
				MREMAP_MAYMOVE | MREMAP_FIXED, elsewhere));
  say ("mremap onto code", (long) mremap (elsewhere, 4096, 4096,
					  MREMAP_MAYMOVE | MREMAP_FIXED,
					  page));
  say ("madvise", madvise (page, 4096, MADV_DONTNEED));
  say ("mmap fixed", (long) mmap (page, 4096, PROT_READ, MAP_PRIVATE
				  | MAP_FIXED, fd, 0));
  printf ("victim () = %d\n", victim ());

  printf ("early library mapped: %d\n", early != NULL && mapped ("libanl"));
  dlclose (early);
  printf ("early library mapped after dlclose: %d\n", mapped ("libanl"));
  late = dlopen ("libBrokenLocale.so.1", RTLD_NOW);
  printf ("late library mapped: %d\n",
	  late != NULL && mapped ("libBrokenLocale"));
  dlclose (late);
  printf ("late library mapped after dlclose: %d\n",
	  mapped ("libBrokenLocale"));
  return verdict ();
}
/* { dg-output "mprotect read-only: EPERM \[^\n\]*\n" } */
/* { dg-output "mprotect writable: EPERM \[^\n\]*\n" } */
/* { dg-output "mprotect libc: EPERM \[^\n\]*\n" } */
/* { dg-output "munmap: EPERM \[^\n\]*\n" } */
/* { dg-output "mremap: EPERM \[^\n\]*\n" } */
/* { dg-output "mremap onto code: EPERM \[^\n\]*\n" } */
/* { dg-output "madvise: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap fixed: EPERM \[^\n\]*\n" } */
/* { dg-output "victim \\(\\) = 42\n" } */
/* { dg-output "early library mapped: 1\n" } */
/* { dg-output "early library mapped after dlclose: 1\n" } */
/* { dg-output "late library mapped: 1\n" } */
/* { dg-output "late library mapped after dlclose: 0\n" } */
/* { dg-output "locked 1, intact 1\n" } */
