/* A grant that another definition can replace at run time (-fPIC, the
   default semantic interposition) gets no twin: its calls from inside
   the unit must keep going through the symbol.  */
/* { dg-do compile } */
/* { dg-options "-fPIC -fno-inline" } */

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
/* { dg-final { scan-assembler-not "pkeytwin" } } */
/* { dg-final { scan-assembler {call\tapi_get@PLT\n} } } */
