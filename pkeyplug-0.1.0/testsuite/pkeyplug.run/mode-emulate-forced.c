/* mode=emulate works everywhere, PKU or not.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mode=emulate } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 3;

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int
main (void)
{
  printf ("mode %s, value %d, locked %d\n",
	  pkeyplug_mode_name (pkeyplug_mode ()), get (), !CAN_READ (secret));
  return pkeyplug_mode () != PKEYPLUG_MODE_EMULATE || CAN_READ (secret);
}
/* { dg-output "mode emulate, value 3, locked 1" } */
