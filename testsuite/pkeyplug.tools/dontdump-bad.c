/* dontdump takes 0 or 1: anything else stops the program before main
   (status 81), like every other malformed option.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS "dontdump=no" } */
/* { dg-exit-status 81 } */

#include <stdio.h>
#include <pkeyplug.h>

static int secret PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int
main (void)
{
  printf ("main ran %d\n", get ());
  return 0;
}
/* { dg-output "^pkeyplug: PKEYPLUG_OPTIONS: bad value 'no' for dontdump \\(use 0 or 1\\)\n$" } */
