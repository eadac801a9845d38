/* -fplugin-arg-pkeyplug-grant-all makes every function of the unit hold
   the keys: here read-write on "vault" and read-only on "conf", without a
   single pkey attribute on a function.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-all=vault,conf:read" } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
int setting PKEY_PROTECT ("conf") = 5;

static int
bump (void)
{
  return ++secret + setting;
}

int
main (void)
{
  int v = bump ();
  int conf_writable = CAN_WRITE (setting);
  printf ("value %d, conf writable %d\n", v, conf_writable);
  return !(v == 7 && !conf_writable);
}
/* { dg-output "value 7, conf writable 0" } */
