/* A bad overflow= value stops the program at start-up with status 81 and
   says which values there are.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS "overflow=ignore" } */
/* { dg-exit-status 81 } */

#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");

int
main (void)
{
  return 0;
}
/* { dg-output "^pkeyplug: PKEYPLUG_OPTIONS: bad value 'ignore' for overflow \\(use fail or emulate\\)\n$" } */
