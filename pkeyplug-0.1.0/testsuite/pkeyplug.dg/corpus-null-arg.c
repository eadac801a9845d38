/* 0 as the key name.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int x __attribute__ ((pkey (0))); /* { dg-error "'pkey' attribute argument must be a string literal naming the key" } */
