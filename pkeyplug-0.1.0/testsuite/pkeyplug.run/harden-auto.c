/* harden=1 without PKU (mode auto picks the emulation): refused with
   status 86 before main.  */
/* { dg-do run } */
/* { dg-require-no-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */
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
/* { dg-output "^pkeyplug: harden=1 needs hw mode \\(real PKU\\), but the mode is emulate: \[^\n\]*\n$" } */
