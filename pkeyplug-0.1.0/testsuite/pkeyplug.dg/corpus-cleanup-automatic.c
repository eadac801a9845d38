/* cleanup with pkey on an automatic variable.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

static void done (int *p) { (void) p; }
void f (void)
{
  int c __attribute__ ((cleanup (done), pkey ("k"))) = 0; /* { dg-error "'pkey' attribute on automatic variable 'c'" } */
  (void) c;
}
