/* PKEYPLUG_OPTIONS=report=exit:42: after the report the process exits
   with status 42 instead of aborting.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS report=exit:42 } */
/* { dg-exit-status 42 } */

#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

int
main (void)
{
  return ((volatile int *) &secret)[0];
}
/* { dg-output "^pkeyplug: protection violation: read of 'secret' at offset 0" } */
