/* mode=hw without PKU refuses to start: one line, exit status 82.  */
/* { dg-do run } */
/* { dg-require-no-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS mode=hw } */
/* { dg-exit-status 82 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");

int
main (void)
{
  printf ("started without protection\n");
  return 0;
}
/* { dg-output "^pkeyplug: mode=hw requested but \[^\n\]*\n$" } */
