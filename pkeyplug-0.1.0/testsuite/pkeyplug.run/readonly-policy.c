/* A key with policy "readonly" stays readable outside grants; writes need
   a grant.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int limits[2] PKEY_PROTECT_READONLY ("limits") = { 10, 20 };

PKEY_GRANT ("limits") static void
raise_limit (void)
{
  limits[1] += 5;
}

int
main (void)
{
  int r = CAN_READ (limits), w = CAN_WRITE (limits);
  raise_limit ();
  printf ("outside: read %d write %d; limit %d; write after: %d\n", r, w,
	  limits[1], CAN_WRITE (limits));
  return !(r && !w && limits[1] == 25);
}
/* { dg-output "outside: read 1 write 0; limit 25; write after: 0" } */
