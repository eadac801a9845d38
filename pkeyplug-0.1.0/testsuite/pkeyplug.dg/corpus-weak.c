/* A weak protected object.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int w __attribute__ ((pkey ("k"), weak)); /* { dg-bogus "error|warning" } */
