/* A function that only callers holding its key can call (static, address
   never taken) loses its own gates after inlining; one whose address is
   taken, or that a caller without the key calls, keeps them.  */
/* { dg-do compile } */
/* { dg-options "-fno-inline" } */

int secret __attribute__ ((pkey ("k")));

/* Called only from holders: no gates.  */
static __attribute__ ((pkey ("k"), noinline)) void
inner (void)
{
  secret++;
}

/* Called from a function without the key: gates kept.  */
static __attribute__ ((pkey ("k"))) void
shared (void)
{
  secret--;
}

/* Address taken: gates kept.  */
static __attribute__ ((pkey ("k"))) void
callback (void)
{
  secret += 2;
}

__attribute__ ((pkey ("k"))) void
outer (void)
{
  inner ();
  shared ();
}

void
plain (void)
{
  shared ();
}

void (*hook) (void) = callback;
/* outer, shared and callback: two WRPKRU each; inner none.  */
/* { dg-final { scan-assembler-times "# wrpkru" 6 } } */
