/* A noreturn granting function.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int s __attribute__ ((pkey ("k")));
__attribute__ ((pkey ("k"), noreturn)) void f (void) { s++; __builtin_abort (); } /* { dg-bogus "error|warning" } */
