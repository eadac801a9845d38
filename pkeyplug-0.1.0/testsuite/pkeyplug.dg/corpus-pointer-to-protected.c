/* A protected pointer to another protected object.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

int x __attribute__ ((pkey ("k"))) = 1;
int *p __attribute__ ((pkey ("k"))) = &x; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) int f (void) { return *p; }
