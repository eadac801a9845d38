/* Computed goto in a granting function.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int s __attribute__ ((pkey ("k")));
__attribute__ ((pkey ("k"))) int f (int n)
{
  static void *t[] = { &&a, &&b };
  goto *t[n & 1];
 a: return s;
 b: return -s;
} /* { dg-bogus "error|warning" } */
