/* A volatile protected object.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

volatile int v __attribute__ ((pkey ("k"))); /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) int f (void) { return v; }
