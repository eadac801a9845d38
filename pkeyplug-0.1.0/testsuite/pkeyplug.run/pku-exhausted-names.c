/* Real PKU only: with one hardware key free and three key names, the
   start-up message names both keys that did not fit and says how many
   hardware keys were free (exit status 83, overflow=fail by default).  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS "overflow=fail" } */
/* { dg-exit-status 83 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha");
int b PKEY_PROTECT ("beta");
int c PKEY_PROTECT ("gamma");

#define HOG_GIVE_BACK 1
#include "hog-keys.h"

int
main (void)
{
  printf ("started with %d keys\n", pkeyplug_key_count ());
  return 0;
}
/* { dg-output "^pkeyplug: out of protection keys: keys '(alpha|beta|gamma)', '(alpha|beta|gamma)' do not fit \\(1 hardware key was free; PKEYPLUG_OPTIONS=overflow=emulate emulates the rest\\)\n$" } */
