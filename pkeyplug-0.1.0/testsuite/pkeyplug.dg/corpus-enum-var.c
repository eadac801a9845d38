/* A variable of enumeration type.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

enum colour { RED, GREEN } c __attribute__ ((pkey ("k"))) = GREEN; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) int f (void) { return c == GREEN; }
