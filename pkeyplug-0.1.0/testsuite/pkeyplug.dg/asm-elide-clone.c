/* In a grant-all unit, an IPA clone of a function (here scaled.constprop,
   made because both callers pass 3) holds the unit's keys like the
   function it copies, so its own gates go when only holders call it.
   The forced collections check that the grant-all key survives garbage
   collection between the gate pass and the late elision pass: it did
   not, and large units (SQLite) kept every gate.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-all=vault --param ggc-min-expand=0 --param ggc-min-heapsize=0" } */

int secret __attribute__ ((pkey ("vault")));

static __attribute__ ((noinline)) int
scaled (int x, int k)
{
  return secret * k + x;
}

int
api1 (int x)
{
  return scaled (x, 3);
}

int
api2 (int x)
{
  return scaled (x + 1, 3);
}
/* Gates in api1 and api2 only.  */
/* { dg-final { scan-assembler "scaled\\.constprop" } } */
/* { dg-final { scan-assembler-times "# rdpkru" 4 } } */
