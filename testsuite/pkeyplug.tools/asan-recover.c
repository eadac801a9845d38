/* -fsanitize=address -fsanitize-recover=address with halt_on_error=0:
   ASan reports a heap overflow inside a grant and goes on, the grant
   still works, and a read outside every grant still ends in pkeyplug's
   report (ASan's recovery does not swallow the fault).  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address -fsanitize-recover=address -rdynamic" } */
/* { dg-env ASAN_OPTIONS "halt_on_error=0" } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

static char secret[64] PKEY_PROTECT ("vault") = "swordfish";

PKEY_GRANT ("vault") static int
copy_out (char *dst, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    s += dst[i] = secret[i];	/* Overflows DST at i == 8.  */
  return s;
}

int __attribute__ ((noinline))
peek (int i)
{
  return ((volatile char *) secret)[i];
}

int
main (void)
{
  char *dst = malloc (8);
  int s = copy_out (dst, 9);
  printf ("copied %d\n", s);
  fflush (stdout);
  free (dst);
  printf ("peeked %d\n", peek (1));
  return 0;
}
/* { dg-output "ERROR: AddressSanitizer: heap-buffer-overflow\[^\n\]*\n" } */
/* { dg-output "WRITE of size 1 \[^\n\]*\n" } */
/* { dg-output "(\[^\n\]*\n)*copied 985\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'secret' at offset 1 \\(object of 64 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in peek\\+0x\[0-9a-f\]+ \\(\[^\n\]*asan-recover.exe\\+0x\[0-9a-f\]+\\)\n" } */
