/* The same key twice on a function: the grants merge.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int s __attribute__ ((pkey ("k")));
__attribute__ ((pkey ("k", "read"), pkey ("k"))) void f (void) { s = 1; } /* { dg-bogus "error|warning" } */
