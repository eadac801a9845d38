/* A used, otherwise unreferenced static protected object.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

static int u __attribute__ ((pkey ("k"), used)); /* { dg-bogus "error|warning" } */
