/* A const protected object is never folded into the code: its bytes must
   not appear as immediates, only loads from it.  */
/* { dg-do compile } */

const int magic __attribute__ ((pkey ("vault"))) = 0x5a5a1234;
const int table[2] __attribute__ ((pkey ("vault"))) = { 0x1badb002, 7 };

__attribute__ ((pkey ("vault"))) int
get (void)
{
  return magic + table[0];
}
/* { dg-final { scan-assembler-not "\\\$1515852340" } } */
/* { dg-final { scan-assembler-not "\\\$464367618" } } */
/* { dg-final { scan-assembler "magic\\(%rip\\)" } } */
/* { dg-final { scan-assembler "table\\(%rip\\)" } } */
