/* Designated initialisers.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

struct cfg { int a, b, c; } cfg __attribute__ ((pkey ("k"))) = { .c = 3, .a = 1 }; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) int f (void) { return cfg.c; }
