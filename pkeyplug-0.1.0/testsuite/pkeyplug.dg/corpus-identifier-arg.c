/* An identifier where the key name should be a string.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int x __attribute__ ((pkey (vault))); /* { dg-error "'vault' undeclared" } */
/* { dg-error "'pkey' attribute argument must be a string literal naming the key" "" { target *-*-* } 5 } */
