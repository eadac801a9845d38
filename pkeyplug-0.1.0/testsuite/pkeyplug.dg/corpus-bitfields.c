/* A struct with bit-fields.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

struct bf { unsigned a : 3, b : 5; } bits __attribute__ ((pkey ("k"))) = { 1, 2 }; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) unsigned f (void) { bits.b++; return bits.a + bits.b; }
