/* The [[gnu::pkey]] spelling in C2x.  */
/* { dg-do compile } */
/* { dg-options "-Wall -std=gnu2x" } */

[[gnu::pkey ("k")]] int x; /* { dg-bogus "error|warning" } */
[[gnu::pkey ("k", "read")]] int f (void) { return x; }
