/* grow.c -- room for one more entry in a table the runtime grows.  */

#include "pkeyrt.h"

#include <stdlib.h>

/* P, an array of *ALLOC entries of SIZE bytes, with room for NEED: doubled
   as often as it takes.  Out of memory, stop with STATUS and "WHAT: out
   of memory".  */

void *
pkeyrt_grow (void *p, size_t *alloc, size_t need, size_t size, int status,
	     const char *what)
{
  size_t n = *alloc ? *alloc : 16;

  if (need <= *alloc)
    return p;
  while (n < need)
    n *= 2;
  p = realloc (p, n * size);
  if (p == NULL)
    pkeyrt_fatal (status, "%s: out of memory", what);
  *alloc = n;
  return p;
}
