/* Each arena sits between two guard pages, mapped but faulting even
   inside a grant: just below a small arena, just past it, just past a big
   block.  The last access is reported as a guard page of the key's
   arena.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include "probe.h"
#include <pkeyplug.h>

/* Is the page of P mapped?  */
static int
mapped (const void *p)
{
  unsigned char vec;
  return mincore ((void *) ((uintptr_t) p & ~(uintptr_t) 4095), 4096,
		  &vec) == 0;
}

/* Is P a guard page: mapped, and no access inside a grant?  */
static int
guard (unsigned char *p)
{
  return mapped (p) && !CAN_READ (*p);
}

PKEY_GRANT ("vault") static int
look (unsigned char *small, unsigned char *big, size_t big_size)
{
  unsigned char *q = small;
  int pages = 0;

  /* The first block of a key starts its first arena.  */
  if (((uintptr_t) small & 4095) != 0)
    return 1;
  while (CAN_WRITE (*q))
    {
      pages++;
      q += 4096;
    }
  printf ("small arena: guard below %d, writable %d, guard above %d\n",
	  guard (small - 1), pages > 0, guard (q));
  if (!CAN_WRITE (big[0]) || !CAN_WRITE (big[big_size - 1]))
    return 2;
  printf ("big block ends at a guard page %d\n",
	  ((uintptr_t) (big + big_size) & 4095) == 0 && guard (big + big_size));
  fflush (stdout);
  /* Overflow by one byte: the guard page stops it.  */
  return ((volatile unsigned char *) big)[big_size];
}

int
main (void)
{
  unsigned char *small = pkeyplug_malloc ("vault", 40);
  unsigned char *big = pkeyplug_malloc ("vault", 10000);

  printf ("look %d\n", look (small, big, 10000));
  return 0;
}
/* { dg-output "small arena: guard below 1, writable 1, guard above 1\n" } */
/* { dg-output "big block ends at a guard page 1\n" } */
/* { dg-output "pkeyplug: protection violation: read of guard page of heap arena of key 'vault' at offset 12288 \\(arena of 12288 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_ACCERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+\[^\n\]*\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
