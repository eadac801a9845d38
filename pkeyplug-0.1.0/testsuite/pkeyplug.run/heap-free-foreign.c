/* pkeyplug_free of a pointer pkeyplug_malloc did not return stops the
   program with a one-line message, before touching anything.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

int
main (void)
{
  static char not_ours[64];
  void *p = pkeyplug_malloc ("vault", 64);

  printf ("allocated %d\n", p != NULL);
  fflush (stdout);
  pkeyplug_free (not_ours);
  printf ("freed a foreign pointer\n");
  return 0;
}
/* { dg-output "allocated 1\n" } */
/* { dg-output "pkeyplug: pkeyplug_free: 0x\[0-9a-f\]+ is not a live block of pkeyplug_malloc \\(a foreign pointer, or one freed already\\)\n" } */
