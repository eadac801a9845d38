/* VLAs and alloca in a granting function.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int s __attribute__ ((pkey ("k")));
__attribute__ ((pkey ("k"))) int f (int n)
{
  int v[n];
  int *a = __builtin_alloca (n * sizeof (int));
  v[0] = a[0] = s;
  return v[0] + a[0];
} /* { dg-bogus "error|warning" } */
