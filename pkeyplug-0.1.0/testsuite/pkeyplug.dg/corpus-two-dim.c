/* A two-dimensional array.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

double m[4][4] __attribute__ ((pkey ("k"))) = { { 1 } }; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) double f (int i) { return m[i & 3][i & 3]; }
