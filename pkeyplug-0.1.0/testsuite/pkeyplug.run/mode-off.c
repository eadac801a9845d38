/* mode=off is an explicit opt-out: nothing is protected, and the API says
   so.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mode=off } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 12;

int
main (void)
{
  printf ("mode %s, secret %d\n", pkeyplug_mode_name (pkeyplug_mode ()),
	  ((volatile int *) &secret)[0]);
  return pkeyplug_mode () != PKEYPLUG_MODE_OFF;
}
/* { dg-output "mode off, secret 12" } */
