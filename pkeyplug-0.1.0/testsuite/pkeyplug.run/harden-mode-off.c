/* harden=1 with mode=off: nothing to guard, and asking for both is a
   contradiction; refused with status 86, PKU or not.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mode=off,harden=1 } */
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
/* { dg-output "^pkeyplug: harden=1 needs hw mode \\(real PKU\\), but the mode is off: nothing is protected\n$" } */
