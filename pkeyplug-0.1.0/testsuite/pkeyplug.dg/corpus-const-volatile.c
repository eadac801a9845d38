/* A const volatile object.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

const volatile int cv __attribute__ ((pkey ("k"))) = 2; /* { dg-bogus "error|warning" } */
