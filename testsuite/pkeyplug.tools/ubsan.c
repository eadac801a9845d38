/* UndefinedBehaviorSanitizer (with -fno-sanitize-recover, so that any
   report it made would end the program) runs a grant correctly, and a
   read outside every grant still ends in pkeyplug's report.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=undefined -fno-sanitize-recover=all -rdynamic" } */
/* { dg-env UBSAN_OPTIONS "" } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

static int table[16] PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static int
fill (int shift)
{
  int s = 0;
  for (int i = 0; i < 16; i++)
    s += table[i] = (i << shift) / (i + 1);
  return s;
}

int __attribute__ ((noinline))
peek (int i)
{
  return ((volatile int *) table)[i];
}

int
main (int argc, char **argv)
{
  (void) argv;
  printf ("sum %d\n", fill (argc + 2));
  fflush (stdout);
  printf ("peeked %d\n", peek (3));
  return 0;
}
/* { dg-output "sum 96\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'table' at offset 12 \\(object of 64 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in peek\\+0x\[0-9a-f\]+ \\(\[^\n\]*ubsan.exe\\+0x\[0-9a-f\]+\\)\n" } */
