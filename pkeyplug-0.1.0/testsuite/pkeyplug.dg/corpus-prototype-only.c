/* The attribute on a prototype, not on the definition: the definition is granted (attributes merge).  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

__attribute__ ((pkey ("k"))) int f (void);
int s __attribute__ ((pkey ("k")));
int f (void) { return s; } /* { dg-bogus "error|warning" } */
