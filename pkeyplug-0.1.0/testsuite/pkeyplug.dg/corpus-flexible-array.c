/* A flexible array member with an initialiser.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

struct fam { int n; int d[]; } fam __attribute__ ((pkey ("k"))) = { 2, { 5, 6 } }; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) int f (void) { return fam.d[1]; }
