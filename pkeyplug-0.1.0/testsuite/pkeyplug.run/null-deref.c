/* Without a user handler, a fault outside protected memory gets the
   default action: no report, death by SIGSEGV.  */
/* { dg-do run } */
/* { dg-exit-status 139 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");

int
main (void)
{
  printf ("start\n");
  fflush (stdout);
  volatile int *null = 0;
  return *null;
}
/* { dg-output "^start\n$" } */
