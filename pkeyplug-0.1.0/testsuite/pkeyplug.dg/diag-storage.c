/* Only objects with static storage can be protected.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } */

void
f (int param __attribute__ ((pkey ("k"))))	/* { dg-error "'pkey' attribute on parameter 'param': only variables with static storage can be protected" } */
{
  int automatic __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute on automatic variable 'automatic': only variables with static storage can be protected" } */
  register int reg __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute on register variable 'reg'" } */
  (void) automatic;
  (void) reg;
  (void) param;
}

__thread int tls __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute on thread-local variable 'tls'" } */
_Thread_local int tls2 __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute on thread-local variable 'tls2'" } */
static int ok __attribute__ ((pkey ("k")));	/* { dg-bogus "error" } */
extern int ext __attribute__ ((pkey ("k")));	/* { dg-bogus "error" } */

int
g (void)
{
  static int local_static __attribute__ ((pkey ("k")));	/* { dg-bogus "error" } */
  return ok + ext + local_static;
}
