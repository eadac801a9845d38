/* Static granting functions called only by holders of their key lose
   their gates; one also called without the key keeps them.  Each still
   reaches the secret, and the key is locked again after every call.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static PKEY_GRANT ("vault") __attribute__ ((noinline)) void
inner (void)
{
  secret *= 3;
}

static PKEY_GRANT ("vault") __attribute__ ((noinline)) int
shared (void)
{
  return ++secret;
}

PKEY_GRANT ("vault") __attribute__ ((noinline)) int
outer (void)
{
  inner ();
  return shared ();
}

int
main (void)
{
  int a = outer ();
  int locked_after_outer = !CAN_READ (secret);
  int b = shared ();
  printf ("outer %d, shared %d, locked %d %d\n", a, b, locked_after_outer,
	  !CAN_READ (secret));
  return 0;
}
/* { dg-output "^outer 4, shared 5, locked 1 1\n$" } */
