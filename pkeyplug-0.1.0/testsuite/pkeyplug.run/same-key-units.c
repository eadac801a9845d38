/* One key name in several units is one key: a grant in one unit opens
   the objects of another.  */
/* { dg-do run } */
/* { dg-additional-sources "aux/same-key-other.c" } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

extern int other_secret PKEY_PROTECT ("vault");
int secret PKEY_PROTECT ("vault") = 1;
int read_other (void);

PKEY_GRANT ("vault") static int
sum (void)
{
  return secret + other_secret;
}

int
main (void)
{
  printf ("sum %d, other unit's grant %d, locked %d\n", sum (), read_other (),
	  !CAN_READ (other_secret));
  return pkeyplug_key_count () != 1;
}
/* { dg-output "sum 11, other unit's grant 11, locked 1" } */
