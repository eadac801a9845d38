/* harden=1 needs hw mode: in the emulation every grant mprotects the
   protected pages, which is what the filter forbids.  Refused with
   status 86, PKU or not.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mode=emulate,harden=1 } */
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
/* { dg-output "^pkeyplug: harden=1 needs hw mode \\(real PKU\\), but the mode is emulate: the emulation changes page protections with mprotect at every grant\n$" } */
