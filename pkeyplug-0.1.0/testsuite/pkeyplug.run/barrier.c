/* The gates are compiler barriers: GCC must not move the load of a
   protected global above the opening gate or below the closing one.  In
   hw mode a load moved out of the window faults.  */
/* { dg-do run } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 99;
int plain;

PKEY_GRANT ("vault") int __attribute__ ((noinline))
get (void)
{
  int v = secret;
  return v;
}

PKEY_GRANT ("vault") void __attribute__ ((noinline))
put (int v)
{
  secret = v;
  plain = v;
}

int
main (void)
{
  int a = get ();
  put (a + 1);
  printf ("%d %d\n", a, get ());
  return 0;
}
/* { dg-output "99 100" } */
