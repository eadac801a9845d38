/* realloc keeps the contents and the key, in place and when the block
   moves (between classes, to and from a big arena); bytes beyond the old
   size are zero; the old block is gone; the key is never left open.  */
/* { dg-do run } */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "probe.h"
#include <pkeyplug.h>
#include "expect.h"

PKEY_GRANT ("vault") static void
fill (unsigned char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char) (i * 7 + 1);
}

/* Does P hold fill's pattern up to N, and zeros from N to LIMIT?  */
PKEY_GRANT ("vault") static int
holds (const unsigned char *p, size_t n, size_t limit)
{
  for (size_t i = 0; i < limit; i++)
    if (p[i] != (i < n ? (unsigned char) (i * 7 + 1) : 0))
      return 0;
  return 1;
}

int
main (void)
{
  static const size_t sizes[] = { 10, 12, 100, 3000, 50000, 50001, 20000,
				  1000, 5, 0, 17 };
  static volatile size_t huge = (size_t) -1 / 2;
  size_t old = 10;
  unsigned char *p = pkeyplug_malloc ("vault", old), *q;

  fill (p, old);
  for (unsigned i = 1; i < sizeof sizes / sizeof sizes[0]; i++)
    {
      size_t n = sizes[i], kept = n < old ? n : old;
      q = pkeyplug_realloc (p, n);
      expect (q != NULL, "realloc succeeds");
      if (n > 0)
	expect (holds (q, kept, n), "contents kept, the rest zero");
      expect (n == 0 || !CAN_READ (q[0]), "locked after realloc");
      p = q;
      if (n > 0)
	fill (p, n);
      old = n;
    }
  /* 17 -> 30 bytes stays in the 32-byte class; 40 moves.  */
  q = pkeyplug_realloc (p, 30);
  expect (q == p && holds (q, 17, 30), "grown in place, the rest zero");
  p = q;
  q = pkeyplug_realloc (p, 40);
  expect (q != p && holds (q, 17, 40), "moved, contents kept");
  errno = 0;
  expect (pkeyplug_realloc (NULL, 8) == NULL && errno == EINVAL,
	  "realloc (NULL) has no key: EINVAL");
  errno = 0;
  expect (pkeyplug_realloc (q, huge) == NULL && errno == ENOMEM,
	  "too big: ENOMEM");
  expect (holds (q, 17, 40), "a failed realloc leaves the block");
  pkeyplug_free (q);
  printf ("failures: %d\n", failures);
  return failures != 0;
}
/* { dg-output "failures: 0" } */
