/* A weakref.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

static int a __attribute__ ((weakref ("ext"), pkey ("k"))); /* { dg-error "'pkey' attribute on alias 'a': protect the object it refers to" } */
int *f (void) { return &a; }
