/* A 1 GiB object.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

char huge[1ul << 30] __attribute__ ((pkey ("k"))); /* { dg-bogus "error|warning" } */
