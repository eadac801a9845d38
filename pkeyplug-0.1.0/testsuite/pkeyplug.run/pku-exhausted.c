/* Real PKU only: when other code already holds all but one hardware key,
   a program with two key names stops at start-up (exit status 83) naming
   the key that did not fit, rather than run with it unprotected.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-exit-status 83 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha");
int b PKEY_PROTECT ("beta");

#define HOG_GIVE_BACK 1
#include "hog-keys.h"

int
main (void)
{
  printf ("started with %d keys\n", pkeyplug_key_count ());
  return 0;
}
/* { dg-output "^pkeyplug: out of protection keys: key '(alpha|beta)' does not fit \\(1 hardware key was free; PKEYPLUG_OPTIONS=overflow=emulate emulates the rest\\)\n$" } */
