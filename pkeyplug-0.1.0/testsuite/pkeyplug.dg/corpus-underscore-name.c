/* A key called _.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int a __attribute__ ((pkey ("_"))); /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("_"))) int f (void) { return a; }
