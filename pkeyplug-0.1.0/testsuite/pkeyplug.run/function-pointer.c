/* Gates belong to the function, however it is called: through a pointer,
   and when inlined into an unannotated caller.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 21;

PKEY_GRANT ("vault") static inline int
doubled (void)
{
  return secret * 2;
}

PKEY_GRANT ("vault") static int __attribute__ ((noinline))
tripled (void)
{
  return secret * 3;
}

int (*volatile fp) (void) = tripled;

int
main (void)
{
  int a = doubled ();
  int b = fp ();
  printf ("%d %d locked %d\n", a, b, !CAN_READ (secret));
  return !(a == 42 && b == 63);
}
/* { dg-output "42 63 locked 1" } */
