/* expect.h -- for run tests that check many things: count the failed
   checks, name each on stdout; main returns the count.  */

#ifndef EXPECT_H
#define EXPECT_H

#include <stdio.h>

static int failures;

static void
expect (int cond, const char *what)
{
  if (!cond)
    {
      printf ("FAIL: %s\n", what);
      failures++;
    }
}

#endif
