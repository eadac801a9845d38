/* exit-inside.c again in a fully static program: nothing can interpose
   exit there, so the plugin's locking before the call is what keeps the
   atexit handler out of the grant.  */
/* { dg-do run } */
/* { dg-options "-static" } */

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
