/* Nested and recursive grants: rights hold in callees, survive the return
   of an inner grant, and are gone exactly when the outermost grant
   returns.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
int failures;

static void
check (int expect, const char *where)
{
  if (CAN_WRITE (secret) != expect)
    {
      printf ("%s: expected %s\n", where, expect ? "access" : "no access");
      failures++;
    }
}

PKEY_GRANT ("vault") static void
inner (void)
{
  check (1, "inner");
}

PKEY_GRANT ("vault") static int
recurse (int n)
{
  check (1, "recurse");
  return n ? recurse (n - 1) + secret : secret;
}

PKEY_GRANT ("vault") static void
outer (void)
{
  check (1, "outer before inner");
  inner ();
  check (1, "outer after inner");
  if (recurse (10) != 11)
    failures++;
  check (1, "outer after recursion");
}

int
main (void)
{
  check (0, "main at start");
  outer ();
  check (0, "main after outer");
  inner ();
  check (0, "main after inner");
  printf ("failures: %d\n", failures);
  return failures != 0;
}
/* { dg-output "failures: 0" } */
