/* pkeyplug_calloc checks NMEMB * SIZE for overflow (NULL, errno ENOMEM)
   and gives zeroed blocks; malformed key names are EINVAL; a request too
   big to map is ENOMEM.  */
/* { dg-do run } */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <pkeyplug.h>
#include "expect.h"

/* The longest name there may be.  */
#define NAME64 \
  "k123456789012345678901234567890123456789012345678901234567890123"

PKEY_GRANT ("vault") static int
zeroed (const long *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] != 0)
      return 0;
  return 1;
}

int
main (void)
{
  /* volatile: the compiler must not see the overflow coming.  */
  static volatile size_t big = SIZE_MAX / 2 + 2, two = 2, huge = SIZE_MAX;
  long *p;

  errno = 0;
  expect (pkeyplug_calloc ("vault", big, two) == NULL && errno == ENOMEM,
	  "overflowing calloc: NULL, ENOMEM");
  errno = 0;
  expect (pkeyplug_calloc ("vault", two, big) == NULL && errno == ENOMEM,
	  "overflowing calloc, swapped: NULL, ENOMEM");
  errno = 0;
  expect (pkeyplug_malloc ("vault", huge) == NULL && errno == ENOMEM,
	  "huge malloc: NULL, ENOMEM");
  p = pkeyplug_calloc ("vault", 100, sizeof (long));
  expect (p != NULL && zeroed (p, 100), "calloc gives zeros");
  pkeyplug_free (p);
  p = pkeyplug_calloc ("vault", 3000, sizeof (long));
  expect (p != NULL && zeroed (p, 3000), "big calloc gives zeros");
  pkeyplug_free (p);
  p = pkeyplug_calloc ("vault", 0, 8);
  expect (p != NULL, "calloc of 0 gives a block");
  pkeyplug_free (p);

  static const char *const bad[] = {
    "", "9lives", "has space", "dash-ed",
    "k1234567890123456789012345678901234567890123456789012345678901234"
  };
  for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      errno = 0;
      expect (pkeyplug_malloc (bad[i], 8) == NULL && errno == EINVAL,
	      bad[i]);
    }
  errno = 0;
  expect (pkeyplug_malloc (NULL, 8) == NULL && errno == EINVAL, "NULL name");
  p = pkeyplug_malloc (NAME64, 8);
  expect (p != NULL, "a name of 64 characters");
  pkeyplug_free (p);
  printf ("failures: %d\n", failures);
  return failures != 0;
}
/* { dg-output "failures: 0" } */
