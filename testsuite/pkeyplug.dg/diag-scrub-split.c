/* With scrub-stack a granting function's body moves into a function of
   its own, whose frame is dead when the grant closes.  Where it cannot
   move, a warning says that the function's own frame is not cleared, and
   why; the function still gets its gates.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-pkeyplug-scrub-stack=4096" } */

#include <setjmp.h>
#include <stdarg.h>

int secret __attribute__ ((pkey ("vault")));
jmp_buf env;

__attribute__ ((pkey ("vault"))) int
moves (int x)
{
  return secret + x;
}

__attribute__ ((pkey ("vault"))) int
sum (int n, ...) /* { dg-warning "'scrub-stack' does not clear the frame of granting function 'sum' itself: it takes variable arguments" } */
{
  va_list ap;
  int s = secret;
  va_start (ap, n);
  while (n-- > 0)
    s += va_arg (ap, int);
  va_end (ap);
  return s;
}

__attribute__ ((pkey ("vault"))) int
catches (void) /* { dg-warning "'catches' itself: it calls a function that returns twice" } */
{
  if (setjmp (env))
    return 0;
  return secret;
}

__attribute__ ((pkey ("vault"))) void *
caller (void) /* { dg-warning "'caller' itself: it calls a built-in that depends on its frame or caller" } */
{
  secret++;
  return __builtin_return_address (0);
}

__attribute__ ((pkey ("vault"))) int
jumps (int i) /* { dg-warning "'jumps' itself: it takes the address of a label" } */
{
  static void *const where[] = { &&a, &&b };
  goto *where[i & 1];
 a:
  return secret;
 b:
  return -secret;
}

__attribute__ ((pkey ("vault"))) int
outer (int x) /* { dg-warning "'outer' itself: it contains nested functions" } */
{
  __attribute__ ((pkey ("vault"))) int
  inner (int y) /* { dg-warning "'inner' itself: it is a nested function" } */
  {
    return y + secret;
  }
  return inner (x) + x;
}
