/* Grants around unusual bodies: computed goto, a VLA, alloca, varargs.
   Each works inside its grant and leaves the key locked.  */
/* { dg-do run } */

#include <stdarg.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 10;

PKEY_GRANT ("vault") static int
computed (int n)
{
  static void *targets[] = { &&plus, &&minus };
  goto *targets[n & 1];
 plus:
  return secret + n;
 minus:
  return secret - n;
}

PKEY_GRANT ("vault") static int
vla_and_alloca (int n)
{
  int v[n];
  int *a = __builtin_alloca (n * sizeof (int));
  for (int i = 0; i < n; i++)
    v[i] = a[i] = secret + i;
  return v[n - 1] + a[0];
}

PKEY_GRANT ("vault") static int
varargs (int n, ...)
{
  va_list ap;
  int sum = secret;
  va_start (ap, n);
  for (int i = 0; i < n; i++)
    sum += va_arg (ap, int);
  va_end (ap);
  return sum;
}

int
main (void)
{
  int a = computed (2), b = computed (3);
  int c = vla_and_alloca (5);
  int d = varargs (3, 1, 2, 3);
  printf ("%d %d %d %d locked %d\n", a, b, c, d, !CAN_READ (secret));
  return !(a == 12 && b == 7 && c == 24 && d == 16 && !CAN_READ (secret));
}
/* { dg-output "12 7 24 16 locked 1" } */
