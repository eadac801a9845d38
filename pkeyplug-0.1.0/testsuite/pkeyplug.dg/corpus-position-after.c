/* The attribute after the declarator, with an initialiser.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int x __attribute__ ((pkey ("k"))) = 1; /* { dg-bogus "error|warning" } */
