/* quick_exit called inside a granting function, statically linked: the
   at_quick_exit handler runs with the key locked.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include <stdio.h>
#include <stdlib.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static void
at_quick (void)
{
  printf ("at_quick_exit: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
}

PKEY_GRANT ("vault") static void
finish (void)
{
  secret++;
  quick_exit (3);
}

int
main (void)
{
  at_quick_exit (at_quick);
  finish ();
  return 1;
}
/* { dg-exit-status 3 } */
/* { dg-output "^at_quick_exit: locked 1\n$" } */
