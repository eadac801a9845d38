/* Freeing a block twice stops the program with a one-line message that
   names the key, even when the block's page is still in use.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

int
main (void)
{
  void *keep = pkeyplug_malloc ("vault", 64);
  void *p = pkeyplug_malloc ("vault", 64);

  pkeyplug_free (p);
  printf ("freed once %d\n", keep != NULL);
  fflush (stdout);
  pkeyplug_free (p);
  printf ("freed twice\n");
  return 0;
}
/* { dg-output "freed once 1\n" } */
/* { dg-output "pkeyplug: pkeyplug_free: 0x\[0-9a-f\]+ is not a live block of key 'vault' \\(freed already\\?\\)\n" } */
