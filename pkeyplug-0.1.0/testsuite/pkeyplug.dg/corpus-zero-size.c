/* A zero-size array (GNU C).  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int none[0] __attribute__ ((pkey ("k"))); /* { dg-bogus "error|warning" } */
int *f (void) { return none; }
