/* harden=1, a limit: the filter binds system calls made after it.  A
   descriptor of /proc/self/mem opened before it (by a constructor: the
   shared runtime installs the filter when main is called) keeps working,
   for writing too, exactly as README says.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include "reach.h"

static int early = -1;

__attribute__ ((constructor)) static void
before_filter (void)
{
  early = open ("/proc/self/mem", O_RDWR);
}

int
main (void)
{
  say ("opened before the filter", early);
  try_open ("open after it", open ("/proc/self/mem", O_RDWR));
  printf ("the early descriptor reaches the secret: %d\n", reach (early));
  printf ("locked %d, intact %d\n", !CAN_READ (secret[0]), secret_intact ());
  return 0;
}
/* { dg-output "opened before the filter: ok\n" } */
/* { dg-output "open after it: EPERM \[^\n\]*\n" } */
/* { dg-output "the early descriptor reaches the secret: 3\n" } */
/* { dg-output "locked 1, intact 0\n" } */
