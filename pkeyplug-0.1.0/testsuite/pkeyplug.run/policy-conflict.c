/* Two units giving one key different policies: the runtime stops at
   start-up naming both, exit status 84.  */
/* { dg-do run } */
/* { dg-additional-sources "aux/policy-readonly.c" } */
/* { dg-exit-status 84 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("shared");

int
main (void)
{
  printf ("started\n");
  return 0;
}
/* { dg-output "pkeyplug: key 'shared' has two policies: \[^\n\]*noaccess\[^\n\]*readonly|pkeyplug: key 'shared' has two policies: \[^\n\]*readonly\[^\n\]*noaccess" } */
