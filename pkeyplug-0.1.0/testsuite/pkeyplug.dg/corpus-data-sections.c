/* -fdata-sections does not override the key's section.  */
/* { dg-do compile } */
/* { dg-options "-Wall -fdata-sections" } */

int x __attribute__ ((pkey ("k"))) = 1; /* { dg-bogus "error|warning" } */
/* { dg-final { scan-assembler "\\.section\t\\.pkeyplug\\.k," } } */
