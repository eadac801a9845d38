/* An exported grant gets a local twin without gates, and the calls from
   functions that hold its key with at least its rights go to the twin;
   the others keep calling the gated function: a caller without the key,
   a caller that holds the key for reading only, and the address.  */
/* { dg-do compile } */
/* { dg-options "-fno-inline" } */

int secret __attribute__ ((pkey ("k")));

__attribute__ ((pkey ("k"))) int
api_get (int x)
{
  return secret + x;
}

__attribute__ ((pkey ("k"))) int
holder (int x)
{
  return api_get (x) * 2;
}

__attribute__ ((pkey ("k", "read"))) int
reader (int x)
{
  return api_get (x) * 3;
}

int
outsider (int x)
{
  return api_get (x) * 4;
}

int (*hook) (int) = api_get;
/* api_get, holder and reader: two WRPKRU each; the twin none.  */
/* { dg-final { scan-assembler-times "# wrpkru" 6 } } */
/* { dg-final { scan-assembler-times {call\tapi_get\.pkeytwin\.0\n} 1 } } */
/* { dg-final { scan-assembler-times {call\tapi_get\n} 2 } } */
