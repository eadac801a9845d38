/* scan=1: execute-only memory, which the process cannot read, is read
   through /proc/self/mem and scanned like the rest.  */
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
unsigned char code[] = { 0x0f, 0xae, 0x28, 0xc3 };

int
main (void)
{
  unsigned char *p = mmap (NULL, 8192, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  /* An XRSTOR (0F AE /5, memory operand) on the second page.  */
  memcpy (p + 4096 + 7, code, sizeof code);
  mprotect (p, 8192, PROT_EXEC);
  printf ("code at %p\n", (void *) (p + 4096 + 7));
  fflush (stdout);
  dlopen ("libm.so.6", RTLD_NOW);
  printf ("dlopen returned\n");
  return 0;
}
/* { dg-output "^code at (0x\[0-9a-f\]+)\npkeyplug: scan=1: stray xrstor at \\1 in anonymous executable memory 0x\[0-9a-f\]+-0x\[0-9a-f\]+; refusing to run\n$" } */
