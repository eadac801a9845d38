/* A local typedef.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

void f (void)
{
  __attribute__ ((pkey ("k"))) typedef int T; /* { dg-error "'pkey' attribute does not apply to types" } */
}
