/* A function granted three keys.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int a __attribute__ ((pkey ("a"))), b __attribute__ ((pkey ("b"))), c __attribute__ ((pkey ("c")));
__attribute__ ((pkey ("a"), pkey ("b", "read"), pkey ("c"))) int f (void) { return a + b + c; } /* { dg-bogus "error|warning" } */
