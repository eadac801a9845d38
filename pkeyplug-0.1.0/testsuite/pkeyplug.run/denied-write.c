/* Writing a protected object outside any grant faults and is reported as
   a write.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

long counters[8] PKEY_PROTECT ("stats");

void __attribute__ ((noinline))
tamper (void)
{
  ((volatile long *) counters)[2] = 42;
}

int
main (void)
{
  tamper ();
  printf ("not reached\n");
  return 0;
}
/* { dg-output "pkeyplug: protection violation: write to 'counters' at offset 16 \\(object of 64 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'stats'" } */
