/* An extern thread-local variable.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

extern __thread int t __attribute__ ((pkey ("k"))); /* { dg-error "'pkey' attribute on thread-local variable 't'" } */
