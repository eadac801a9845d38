/* Keys named like C keywords are just names.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int a __attribute__ ((pkey ("while"))); /* { dg-bogus "error|warning" } */
int b __attribute__ ((pkey ("int"))); /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("while"), pkey ("int"))) int f (void) { return a + b; }
