/* A varargs granting function.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

#include <stdarg.h>
int sum __attribute__ ((pkey ("k")));
__attribute__ ((pkey ("k"))) int f (int n, ...)
{
  va_list ap;
  va_start (ap, n);
  for (int i = 0; i < n; i++)
    sum += va_arg (ap, int);
  va_end (ap);
  return sum;
} /* { dg-bogus "error|warning" } */
