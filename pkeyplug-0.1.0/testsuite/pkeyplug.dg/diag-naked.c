/* A naked function has no body to wrap.  */
/* { dg-do compile } */

__attribute__ ((naked, pkey ("k"))) void
f (void)	/* { dg-error "'pkey' attribute on naked function 'f'" } */
{
  __asm__ ("ret");
}
