/* A read that runs backwards from a protected object into the padding
   of its key's pages (an out-of-bounds read) is reported as so many bytes
   before the object, not as a negative offset.  With
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
  /* 24 bytes before pepper: nearer pepper than salt.  */
  printf ("leaked %d\n", ((volatile unsigned char *) pepper)[-24]);
  return 0;
}
/* { dg-output "before\n" } */
/* { dg-output "pkeyplug: protection violation: read of the padding 24 bytes before 'pepper' \\(object of 8 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'spice' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
