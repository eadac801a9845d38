/* A granting nested function (GNU C).  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int s __attribute__ ((pkey ("k")));
int outer (int x)
{
  __attribute__ ((pkey ("k"))) int inner (int y) { return y + s; }
  return inner (x);
} /* { dg-bogus "error|warning" } */
