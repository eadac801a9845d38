/* A long double.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

long double ld __attribute__ ((pkey ("k"))) = 1.5L; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) long double f (void) { return ld * 2; }
