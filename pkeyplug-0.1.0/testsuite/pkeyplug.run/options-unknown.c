/* An unknown option name is refused too.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS verbose=1,colour=blue } */
/* { dg-exit-status 81 } */

#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");

int
main (void)
{
  return 0;
}
/* { dg-output "pkeyplug: PKEYPLUG_OPTIONS: \[^\n\]*colour" } */
