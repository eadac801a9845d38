/* A packed struct.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

struct __attribute__ ((packed)) p { char c; int i; } p __attribute__ ((pkey ("k"))); /* { dg-bogus "error|warning" } */
