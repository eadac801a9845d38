/* Reading a heap block outside any grant faults, and the report names
   the heap block, its key, the offset and the block's size.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */
/* { dg-options "-rdynamic" } so that the report can name leak () */

#include <stdio.h>
#include <pkeyplug.h>

PKEY_GRANT ("vault") static void
fill (unsigned char *p)
{
  for (int i = 0; i < 64; i++)
    p[i] = (unsigned char) i;
}

int __attribute__ ((noinline))
leak (unsigned char *p, int i)
{
  return ((volatile unsigned char *) p)[i];
}

int
main (void)
{
  /* Another block first, so that ours is not at the arena's start.  */
  void *other = pkeyplug_malloc ("vault", 64);
  unsigned char *p = pkeyplug_malloc ("vault", 64);

  fill (p);
  printf ("before %d\n", other != NULL && p != NULL);
  fflush (stdout);
  printf ("leaked %d\n", leak (p, 16));
  return 0;
}
/* { dg-output "before 1\n" } */
/* { dg-output "pkeyplug: protection violation: read of heap block of key 'vault' at offset 16 \\(block of 64 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in leak\\+0x\[0-9a-f\]+ \\(\[^\n\]*heap-denied-read.exe\\+0x\[0-9a-f\]+\\)\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
