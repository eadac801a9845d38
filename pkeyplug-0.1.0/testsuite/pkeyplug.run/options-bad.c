/* An unparsable PKEYPLUG_OPTIONS refuses to start: exit status 81.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mode=fast } */
/* { dg-exit-status 81 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");

int
main (void)
{
  printf ("started\n");
  return 0;
}
/* { dg-output "^pkeyplug: PKEYPLUG_OPTIONS: \[^\n\]*mode\[^\n\]*\n$" } */
