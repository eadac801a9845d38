/* A granting function inlined into an unannotated caller keeps its gates
   there.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) static inline int
get (void)
{
  return secret;
}

int
caller (void)
{
  return get () + 1;
}
/* { dg-final { scan-assembler-not "call\tget" } } */
/* { dg-final { scan-assembler-times "# rdpkru" 2 } } */
/* { dg-final { scan-assembler-times "# wrpkru" 2 } } */
