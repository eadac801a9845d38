/* A key name made by string concatenation.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int a __attribute__ ((pkey ("va" "ult"))); /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("vault"))) int f (void) { return a; }
