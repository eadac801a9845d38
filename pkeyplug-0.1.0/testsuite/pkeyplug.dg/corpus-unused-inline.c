/* A granting static inline function that is never used.  */
/* { dg-do compile } */
/* { dg-options "-Wall -Wno-unused-function" } */

static inline __attribute__ ((pkey ("k"))) int f (void) { return 1; } /* { dg-bogus "error|warning" } */
