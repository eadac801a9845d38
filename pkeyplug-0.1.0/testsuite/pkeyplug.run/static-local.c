/* A function-static protected object: usable by its granting function,
   reported with its function's name when touched from elsewhere.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

static volatile int *leaked;

PKEY_GRANT ("vault") static int
next_id (void)
{
  static int last_id PKEY_PROTECT ("vault") = 100;
  leaked = &last_id;
  return ++last_id;
}

int
main (void)
{
  int a = next_id (), b = next_id ();
  printf ("ids %d %d\n", a, b);
  fflush (stdout);
  return *leaked;
}
/* { dg-output "ids 101 102\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'next_id::last_id' at offset 0" } */
