/* Compact layout: 100 protected objects of one key in 10 units occupy one
   page, so an emulated switch is one mprotect.  The page is found in
   /proc/self/maps: its protection (emulate mode) or its key (hw mode)
   sets it apart from its neighbours, so it is a mapping of its own, and
   objects of the first, a middle and the last unit lie in it.  Every
   unit's grant reaches its own objects; outside them they stay locked.  */
/* { dg-do run } */
/* { dg-additional-sources "aux/compact-unit-1.c aux/compact-unit-2.c aux/compact-unit-3.c aux/compact-unit-4.c aux/compact-unit-5.c aux/compact-unit-6.c aux/compact-unit-7.c aux/compact-unit-8.c aux/compact-unit-9.c" } */

#include <stdint.h>
#include <stdio.h>
#include "probe.h"

#define UNIT 0
#include "aux/compact-unit.h"

int sum_unit1 (void), sum_unit2 (void), sum_unit3 (void), sum_unit4 (void),
  sum_unit5 (void), sum_unit6 (void), sum_unit7 (void), sum_unit8 (void),
  sum_unit9 (void);
extern int u5_3 PKEY_PROTECT ("k"), u9_9 PKEY_PROTECT ("k");

/* Pages of the mapping holding P, or -1; *CONTAINS set if Q and R are in
   it too.  */

static long
mapping_pages (const void *p, const void *q, const void *r, int *contains)
{
  FILE *f = fopen ("/proc/self/maps", "r");
  unsigned long lo, hi;
  char line[512];
  long pages = -1;

  while (f && fgets (line, sizeof line, f))
    if (sscanf (line, "%lx-%lx", &lo, &hi) == 2 && (uintptr_t) p >= lo
	&& (uintptr_t) p < hi)
      {
	pages = (long) ((hi - lo) / 4096);
	*contains = (uintptr_t) q >= lo && (uintptr_t) q < hi
		    && (uintptr_t) r >= lo && (uintptr_t) r < hi;
      }
  if (f)
    fclose (f);
  return pages;
}

int
main (void)
{
  int total = sum_unit0 () + sum_unit1 () + sum_unit2 () + sum_unit3 ()
	      + sum_unit4 () + sum_unit5 () + sum_unit6 () + sum_unit7 ()
	      + sum_unit8 () + sum_unit9 ();
  int contains = 0;
  long pages = mapping_pages (&u0_0, &u5_3, &u9_9, &contains);
  printf ("key k: %ld page%s, units 0, 5 and 9 in it: %d\n", pages,
	  pages == 1 ? "" : "s", contains);
  printf ("total %d, locked %d %d\n", total, !CAN_READ (u0_0),
	  !CAN_READ (u9_9));
  return 0;
}
/* { dg-output "^key k: 1 page, units 0, 5 and 9 in it: 1\n" } */
/* { dg-output "total 550, locked 1 1\n$" } */
