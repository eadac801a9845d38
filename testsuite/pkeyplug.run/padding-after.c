/* A read that runs past the end of a protected object into the padding
   of its key's pages (an out-of-bounds read) is reported as so many bytes
   after the object, not as an offset beyond its size.  With
   -fno-toplevel-reorder the objects keep their order in the section:
   'salt' first, 'pepper' 64 bytes on.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */
/* { dg-options "-fno-toplevel-reorder" } */

#include <stdio.h>
#include <pkeyplug.h>

unsigned char salt[8] PKEY_PROTECT ("spice") = "salt";
unsigned char pepper[8] PKEY_PROTECT ("spice")
  __attribute__ ((aligned (64))) = "pepper";

int
main (void)
{
  printf ("before\n");
  fflush (stdout);
  /* Two bytes past the end of salt: nearer salt than pepper.  */
  printf ("leaked %d\n", ((volatile unsigned char *) salt)[10]);
  return 0;
}
/* { dg-output "before\n" } */
/* { dg-output "pkeyplug: protection violation: read of the padding 2 bytes after 'salt' \\(object of 8 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'spice' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
