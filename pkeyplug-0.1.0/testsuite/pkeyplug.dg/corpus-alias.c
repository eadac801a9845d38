/* An alias declaration.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int b;
extern int a __attribute__ ((pkey ("k"), alias ("b"))); /* { dg-error "'pkey' attribute on alias 'a': protect the object it refers to" } */
