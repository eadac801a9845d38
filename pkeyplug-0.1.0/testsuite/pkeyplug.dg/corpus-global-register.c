/* A global register variable.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

register long r asm ("rbx") __attribute__ ((pkey ("k"))); /* { dg-error "'pkey' attribute on register variable 'r'" } */
