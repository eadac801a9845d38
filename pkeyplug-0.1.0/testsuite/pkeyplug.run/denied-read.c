/* Reading a protected object outside any grant faults, and the report
   names the object, the offset, the key, and the function.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */
/* { dg-options "-rdynamic" } so that the report can name leak () */

#include <stdio.h>
#include <pkeyplug.h>

unsigned char master_key[32] PKEY_PROTECT ("vault") = "correct horse";

int __attribute__ ((noinline))
leak (int i)
{
  return ((volatile unsigned char *) master_key)[i];
}

int
main (void)
{
  printf ("before\n");
  fflush (stdout);
  printf ("leaked %d\n", leak (5));
  return 0;
}
/* { dg-output "before\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'master_key' at offset 5 \\(object of 32 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in leak\\+0x\[0-9a-f\]+ \\(\[^\n\]*denied-read.exe\\+0x\[0-9a-f\]+\\)\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
/* { dg-output "pkeyplug:   'master_key' is defined at \[^\n\]*denied-read.c:10\n" } */
