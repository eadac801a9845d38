/* scan=1: executable memory of no module (JIT code) has no gates; a
   WRPKRU written there is found at the next dlopen, which scans the
   whole process again.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS scan=1 } */
/* { dg-exit-status 85 } */

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

/* Data, not code: a const array would be folded into immediates in
   main, and the program would be refused at start-up instead.  */
unsigned char code[] = { 0x90, 0x0f, 0x01, 0xef, 0xc3 };

int
main (void)
{
  unsigned char *p = mmap (NULL, 4096, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  memcpy (p + 100, code, sizeof code);
  mprotect (p, 4096, PROT_READ | PROT_EXEC);
  printf ("jit at %p\n", (void *) (p + 101));
  fflush (stdout);
  dlopen ("libm.so.6", RTLD_NOW);
  printf ("dlopen returned\n");
  return 0;
}
/* { dg-output "^jit at (0x\[0-9a-f\]+)\npkeyplug: scan=1: stray wrpkru at \\1 in anonymous executable memory 0x\[0-9a-f\]+-0x\[0-9a-f\]+; refusing to run\n$" } */
