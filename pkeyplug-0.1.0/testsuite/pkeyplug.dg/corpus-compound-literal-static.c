/* A static compound literal has no declaration to carry the attribute: only a named object can be protected.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int x __attribute__ ((pkey ("k"))) = 3;
int *p = &x; /* { dg-bogus "error|warning" } */
