/* An _Atomic protected object.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

_Atomic int a __attribute__ ((pkey ("k"))); /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) int f (void) { return a++; }
