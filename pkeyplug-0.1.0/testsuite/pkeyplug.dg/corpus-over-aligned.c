/* An object aligned beyond a page.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int a __attribute__ ((pkey ("k"), aligned (8192))); /* { dg-bogus "error|warning" } */
