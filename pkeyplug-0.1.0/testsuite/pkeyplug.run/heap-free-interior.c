/* pkeyplug_free of a pointer into a block, not to its start, stops the
   program with a one-line message.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

int
main (void)
{
  char *p = pkeyplug_malloc ("vault", 64);

  printf ("allocated %d\n", p != NULL);
  fflush (stdout);
  pkeyplug_free (p + 8);
  printf ("freed an interior pointer\n");
  return 0;
}
/* { dg-output "allocated 1\n" } */
/* { dg-output "pkeyplug: pkeyplug_free: 0x\[0-9a-f\]+ points 8 bytes into a block of key 'vault', not to its start\n" } */
