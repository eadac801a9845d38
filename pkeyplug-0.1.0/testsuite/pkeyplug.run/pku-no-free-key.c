/* Real PKU only: when other code holds every hardware key before the
   runtime starts, mode=auto (the default) does not fall back to the
   emulation behind the user's back: the key budget decides, and under
   overflow=fail (the default) the program stops naming the key, with
   none free.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-exit-status 83 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha");

#include "hog-keys.h"

int
main (void)
{
  printf ("started in mode %s\n", pkeyplug_mode_name (pkeyplug_mode ()));
  return 0;
}
/* { dg-output "^pkeyplug: out of protection keys: key 'alpha' does not fit \\(0 hardware keys were free; PKEYPLUG_OPTIONS=overflow=emulate emulates the rest\\)\n$" } */
