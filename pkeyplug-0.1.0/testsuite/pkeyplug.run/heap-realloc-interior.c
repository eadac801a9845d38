/* pkeyplug_realloc of a pointer into a big block, not to its start, stops
   the program with a one-line message.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

int
main (void)
{
  char *p = pkeyplug_malloc ("vault", 20000);

  printf ("allocated %d\n", p != NULL);
  fflush (stdout);
  p = pkeyplug_realloc (p + 16, 30000);
  printf ("reallocated an interior pointer\n");
  return p == NULL;
}
/* { dg-output "allocated 1\n" } */
/* { dg-output "pkeyplug: pkeyplug_realloc: 0x\[0-9a-f\]+ points 16 bytes into a block of key 'vault', not to its start\n" } */
