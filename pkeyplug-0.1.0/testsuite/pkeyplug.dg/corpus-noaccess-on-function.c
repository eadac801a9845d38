/* A variable policy on a function.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

__attribute__ ((pkey ("k", "noaccess"))) void f (void) {} /* { dg-error "unknown access 'noaccess' in 'pkey' attribute of a function" } */
