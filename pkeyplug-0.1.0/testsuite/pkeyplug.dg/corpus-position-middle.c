/* The attribute between type and name.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int __attribute__ ((pkey ("k"))) x; /* { dg-bogus "error|warning" } */
