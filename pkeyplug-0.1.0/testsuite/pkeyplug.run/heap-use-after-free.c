/* Writing to a freed heap block, outside any grant, faults; the report
   says that no live block is there, and where in the arena.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

int
main (void)
{
  char *a = pkeyplug_malloc ("vault", 32);
  char *b = pkeyplug_malloc ("vault", 32);

  pkeyplug_free (b);
  printf ("adjacent %d\n", b == a + 32);
  fflush (stdout);
  ((volatile char *) b)[3] = 1;
  printf ("wrote to a freed block\n");
  return 0;
}
/* { dg-output "adjacent 1\n" } */
/* { dg-output "pkeyplug: protection violation: write to heap arena of key 'vault' at offset 35, outside any live block \\(arena of \[0-9\]+ bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+\[^\n\]*\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
