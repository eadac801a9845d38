/* Every call of exit, quick_exit and abort, in any function, is preceded
   by the (weak) locking of the thread's keys; other calls are not.  */
/* { dg-do compile } */
/* { dg-options "-fno-inline" } */

#include <stdlib.h>

int secret __attribute__ ((pkey ("k")));

__attribute__ ((pkey ("k"))) void
give_up (int n)
{
  if (secret == n)
    exit (1);
  if (secret > n)
    quick_exit (2);
  abort ();
}

void
plain (int n)
{
  if (n)
    exit (n);
  atexit (0);
}
/* { dg-final { scan-assembler-times "call\t__pkeyplug_before_exit" 4 } } */
/* { dg-final { scan-assembler "\\.weak\t__pkeyplug_before_exit" } } */
