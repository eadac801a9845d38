/* An attribute after a struct body applies to the type.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

struct S { int a; } __attribute__ ((pkey ("k"))) s; /* { dg-error "'pkey' attribute does not apply to types" } */
