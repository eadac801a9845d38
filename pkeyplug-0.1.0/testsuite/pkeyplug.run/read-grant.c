/* pkey ("NAME", "read") grants reading only: a write inside faults.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int table[4] PKEY_PROTECT ("conf") = { 1, 2, 3, 4 };

PKEY_GRANT_READ ("conf") static void
reader (void)
{
  printf ("read %d, can write: %d\n", table[2], CAN_WRITE (table[0]));
  fflush (stdout);
  ((volatile int *) table)[1] = 9;
}

int
main (void)
{
  reader ();
  return 0;
}
/* { dg-output "read 3, can write: 0\n" } */
/* { dg-output "pkeyplug: protection violation: write to 'table' at offset 4" } */
