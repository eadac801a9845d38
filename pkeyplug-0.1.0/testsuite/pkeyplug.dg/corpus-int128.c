/* An __int128.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

__int128 big __attribute__ ((pkey ("k"))) = 7; /* { dg-bogus "error|warning" } */
__attribute__ ((pkey ("k"))) __int128 f (void) { return big << 70; }
