/* A call in tail position of a granting function must not skip the exit
   gate: after the return the key is locked again.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } helper reads the
   secret only inside the grant */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 5;

int __attribute__ ((noinline))
helper (int x)
{
  return x + secret;
}

PKEY_GRANT ("vault") int __attribute__ ((noinline))
granted (int x)
{
  return helper (x);		/* tail position */
}

int
main (void)
{
  int v = granted (1);
  int open = CAN_READ (secret);
  printf ("value %d, open after return: %d\n", v, open);
  return !(v == 6 && !open);
}
/* { dg-output "value 6, open after return: 0" } */
