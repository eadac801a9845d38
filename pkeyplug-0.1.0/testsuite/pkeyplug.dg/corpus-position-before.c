/* The attribute before the type.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

__attribute__ ((pkey ("k"))) int x; /* { dg-bogus "error|warning" } */
