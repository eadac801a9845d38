/* A union.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

union u { int i; float f; } un __attribute__ ((pkey ("k"))) = { 3 }; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) float f (void) { return un.f; }
