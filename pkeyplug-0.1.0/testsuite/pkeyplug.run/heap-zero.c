/* Freed memory is zeroed at once: the freed block reads as zeros inside a
   grant, and the next block of that size, the same one, starts zeroed.
   Shrinking with realloc zeroes the bytes given up.  Free does all that
   without leaving the key open.  */
/* { dg-do run } */

#include <stdio.h>
#include <string.h>
#include "probe.h"
#include <pkeyplug.h>

PKEY_GRANT ("vault") static void
fill (unsigned char *p, size_t n)
{
  memset (p, 0xa5, n);
}

PKEY_GRANT ("vault") static size_t
nonzero (const unsigned char *p, size_t n)
{
  size_t count = 0;
  for (size_t i = 0; i < n; i++)
    count += ((const volatile unsigned char *) p)[i] != 0;
  return count;
}

int
main (void)
{
  unsigned char *keep = pkeyplug_malloc ("vault", 64);
  unsigned char *p = pkeyplug_malloc ("vault", 64), *q, *r;
  int bad = 0;

  fill (keep, 64);
  fill (p, 64);
  pkeyplug_free (p);
  bad += CAN_READ (p[0]);
  size_t left = nonzero (p, 64);
  q = pkeyplug_malloc ("vault", 64);
  bad += CAN_READ (q[0]);
  printf ("freed block: %zu nonzero; same block again %d: %zu nonzero\n",
	  left, q == p, nonzero (q, 64));
  /* 60 -> 40 stays in place, in the 64-byte class.  */
  fill (q, 60);
  r = pkeyplug_realloc (q, 40);
  printf ("shrunk in place %d: %zu nonzero\n", r == q, nonzero (r, 64));
  bad += CAN_READ (r[0]);
  pkeyplug_free (r);
  printf ("kept: %zu nonzero, bad %d\n", nonzero (keep, 64), bad);
  pkeyplug_free (keep);
  return bad;
}
/* { dg-output "freed block: 0 nonzero; same block again 1: 0 nonzero\n" } */
/* { dg-output "shrunk in place 1: 40 nonzero\n" } */
/* { dg-output "kept: 64 nonzero, bad 0" } */
