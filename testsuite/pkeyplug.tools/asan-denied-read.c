/* Under AddressSanitizer a read of a protected object outside every
   grant still ends in pkeyplug's violation report, which names the
   object: the protected object has no ASan redzone or shadow poisoning
   of its own (it is in a section of its own, which ASan leaves alone),
   so the access reaches the page and faults.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address -rdynamic" } */
/* { dg-env ASAN_OPTIONS "" } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

unsigned char master_key[32] PKEY_PROTECT ("vault") = "correct horse";
unsigned char after[32] = "ordinary";

PKEY_GRANT ("vault") static int
use (void)
{
  return master_key[0];
}

int __attribute__ ((noinline))
leak (int i)
{
  return ((volatile unsigned char *) master_key)[i];
}

int
main (void)
{
  printf ("granted %c, neighbour %s\n", use (), after);
  fflush (stdout);
  printf ("leaked %d\n", leak (5));
  return 0;
}
/* { dg-output "granted c, neighbour ordinary\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'master_key' at offset 5 \\(object of 32 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in leak\\+0x\[0-9a-f\]+ \\(\[^\n\]*asan-denied-read.exe\\+0x\[0-9a-f\]+\\)\n" } */
