/* A parameter of a prototype.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

void f (int x __attribute__ ((pkey ("k")))); /* { dg-error "'pkey' attribute on parameter 'x'" } */
