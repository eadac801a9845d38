/* -fplugin-arg-pkeyplug-grant-exported=KEY: the functions the unit
   exports (public, default visibility) hold the key, without an
   attribute on each: a library's entry points.  The others do not: the
   exported function reads the secret, then main calls a static function
   directly, outside any grant, and its read faults.  main is hidden, so
   that it does not hold the key itself.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-exported=vault -fplugin-arg-pkeyplug-warn-unguarded=no -rdynamic" } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

static int secret PKEY_PROTECT ("vault") = 42;

int __attribute__ ((noinline))
api_is_set (void)
{
  return secret == 42;
}

static int __attribute__ ((noinline))
helper_is_set (void)
{
  return ((volatile int *) &secret)[0] == 42;
}

int __attribute__ ((visibility ("hidden")))
main (void)
{
  printf ("exported: %d\n", api_is_set ());
  fflush (stdout);
  printf ("static: %d\n", helper_is_set ());
  return 0;
}
/* { dg-output "exported: 1\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'secret' at offset 0 \\(object of 4 bytes\\)\n" } */
