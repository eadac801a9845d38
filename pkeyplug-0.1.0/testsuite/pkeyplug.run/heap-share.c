/* Small blocks of one key share pages: 200 blocks of 24 bytes and 50 of
   100 bytes, allocated in turn, lie on a handful of pages, not on 250,
   and no two of them overlap.  */
/* { dg-do run } */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

#define N 250
#define PAGE(p) ((p) / 4096)

struct block { uintptr_t addr; size_t size; };

static int
cmp (const void *a, const void *b)
{
  uintptr_t x = ((const struct block *) a)->addr;
  uintptr_t y = ((const struct block *) b)->addr;
  return x < y ? -1 : x > y;
}

int
main (void)
{
  struct block b[N];
  int pages = 1, overlaps = 0;

  for (int i = 0; i < N; i++)
    {
      b[i].size = i % 5 == 4 ? 100 : 24;
      b[i].addr = (uintptr_t) pkeyplug_malloc ("vault", b[i].size);
      if (b[i].addr == 0)
	return 2;
    }
  qsort (b, N, sizeof b[0], cmp);
  for (int i = 1; i < N; i++)
    {
      pages += PAGE (b[i].addr) != PAGE (b[i - 1].addr);
      overlaps += b[i].addr < b[i - 1].addr + b[i - 1].size;
    }
  printf ("%d blocks on %d pages, %d overlaps\n", N, pages, overlaps);
  for (int i = 0; i < N; i++)
    pkeyplug_free ((void *) b[i].addr);
  return !(pages <= 4 && overlaps == 0);
}
/* { dg-output "250 blocks on 4 pages, 0 overlaps" } */
