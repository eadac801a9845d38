/* An empty policy string.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int x __attribute__ ((pkey ("k", ""))); /* { dg-error "unknown policy '' in 'pkey' attribute of a variable" } */
