/* A char array initialised from a string literal.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

char pw[] __attribute__ ((pkey ("k"))) = "hunter2"; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) char f (void) { return pw[3]; }
