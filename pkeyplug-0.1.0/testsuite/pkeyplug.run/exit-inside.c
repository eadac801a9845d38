/* exit called inside a granting function: the atexit handlers run with
   the keys locked, not with the grant of the function that called exit.  */
/* { dg-do run } */

#include <stdio.h>
#include <stdlib.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static void
at_exit (void)
{
  printf ("atexit: locked %d\n", !CAN_READ (secret));
}

PKEY_GRANT ("vault") static void
finish (void)
{
  secret++;
  exit (0);
}

int
main (void)
{
  atexit (at_exit);
  finish ();
  return 1;
}
/* { dg-output "^atexit: locked 1\n$" } */
