/* A K&R definition.  */
/* { dg-do compile } */
/* { dg-options "-Wall -std=gnu89" } */

int s __attribute__ ((pkey ("k")));
__attribute__ ((pkey ("k"))) int f (a) int a; { return a + s; } /* { dg-bogus "error|warning" } */
