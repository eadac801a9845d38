/* A static object in an inline function.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

static inline __attribute__ ((pkey ("k"))) int counter (void)
{
  static int n __attribute__ ((pkey ("k"))); /* { dg-bogus "error|warning" } */
  return ++n;
}
int f (void) { return counter (); }
