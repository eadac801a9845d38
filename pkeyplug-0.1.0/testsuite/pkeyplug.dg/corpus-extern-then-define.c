/* extern with the key, then the definition with it.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

extern int x __attribute__ ((pkey ("k")));
int x __attribute__ ((pkey ("k"))) = 4; /* { dg-bogus "error|warning" } */
