/* harden=1 with overflow=emulate: the emulated keys would need mprotect
   at every grant, which the filter forbids; refused with status 86
   before main, with PKU too.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1,overflow=emulate } */
/* { dg-exit-status 86 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

int
main (void)
{
  printf ("main ran\n");
  return 0;
}
/* { dg-output "^pkeyplug: harden=1 and overflow=emulate exclude each other: \[^\n\]*\n$" } */
