/* A const protected object is readable inside its grant, never writable,
   and faults outside.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

const unsigned char sbox[8] PKEY_PROTECT ("crypto") = { 9, 8, 7, 6, 5, 4, 3, 2 };

PKEY_GRANT ("crypto") static int
lookup (int i, int *writable)
{
  *writable = CAN_WRITE (sbox[0]);
  return sbox[i];
}

int
main (void)
{
  int w;
  int v = lookup (3, &w);
  printf ("sbox[3] = %d, writable %d\n", v, w);
  fflush (stdout);
  return ((volatile const unsigned char *) sbox)[1];
}
/* { dg-output "sbox\\\[3\\\] = 6, writable 0\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'sbox' at offset 1" } */
