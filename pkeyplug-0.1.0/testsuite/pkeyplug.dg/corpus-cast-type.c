/* The attribute in a cast names a type.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int f (long x) { return (int __attribute__ ((pkey ("k")))) x; } /* { dg-error "'pkey' attribute does not apply to types" } */
