/* A readonly key granted read-only is fine.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int t __attribute__ ((pkey ("r", "readonly"))) = 1;
__attribute__ ((pkey ("r", "read"))) int f (void) { return t; } /* { dg-bogus "error|warning" } */
