/* Emulate mode: a grant nested in a grant of the same key makes no
   system call.  mprotect is interposed to count the runtime's calls: the
   outer grant opens and closes (2), the inner one, ten times over, adds
   none; an inner grant on its own pays its own 2.  */
/* { dg-do run } */
/* { dg-require-no-pku "" } */

#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
static int calls;

/* The runtime's mprotect comes here (libpkeyrt.so binds to the
   executable's definition first).  */
int
mprotect (void *addr, size_t len, int prot)
{
  calls++;
  return (int) syscall (SYS_mprotect, addr, len, prot);
}

/* Visible and not inlined: its own gates stay.  */
PKEY_GRANT ("vault") __attribute__ ((noipa)) int
inner (void)
{
  return secret;
}

PKEY_GRANT ("vault") __attribute__ ((noipa)) int
outer (void)
{
  int i, sum = 0;
  for (i = 0; i < 10; i++)
    sum += inner ();
  return sum;
}

int
main (void)
{
  int before = calls, sum = outer ();
  int nested = calls - before;
  before = calls;
  inner ();
  printf ("sum %d, outer with 10 nested: %d mprotect, inner alone: %d\n",
	  sum, nested, calls - before);
  return 0;
}
/* { dg-output "^sum 10, outer with 10 nested: 2 mprotect, inner alone: 2\n$" } */
