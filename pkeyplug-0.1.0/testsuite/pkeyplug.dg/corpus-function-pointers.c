/* An array of function pointers.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

static int one (void) { return 1; }
int (*table[2]) (void) __attribute__ ((pkey ("k"))) = { one, one }; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) int f (int i) { return table[i & 1] (); }
