/* Mutually recursive granting functions of two keys: each level holds its
   own key and inherits the other from its caller; everything is locked
   once the outermost call returns.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha") = 1;
int b PKEY_PROTECT ("beta") = 2;
static int both_open_at_bottom;

static int ping (int n);

PKEY_GRANT ("beta") static int
pong (int n)
{
  if (n == 0)
    both_open_at_bottom = CAN_READ (a) && CAN_READ (b);
  return n ? b + ping (n - 1) : b;
}

PKEY_GRANT ("alpha") static int
ping (int n)
{
  return a + pong (n);
}

int
main (void)
{
  int v = ping (5);
  printf ("value %d, both open at the bottom %d, locked after %d %d\n", v,
	  both_open_at_bottom, !CAN_READ (a), !CAN_READ (b));
  return !(v == 18 && both_open_at_bottom && !CAN_READ (a) && !CAN_READ (b));
}
/* { dg-output "value 18, both open at the bottom 1, locked after 1 1" } */
