/* A recursive granting function.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int depth __attribute__ ((pkey ("k")));
__attribute__ ((pkey ("k"))) int f (int n) { depth++; return n ? f (n - 1) : depth; } /* { dg-bogus "error|warning" } */
