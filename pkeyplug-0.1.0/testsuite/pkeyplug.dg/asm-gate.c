/* One granting function: two RDPKRU (entry, and the checked exit gate),
   two WRPKRU (open, close), one call each to the emulation entry points,
   the descriptor read.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) int
get (void)
{
  int v = secret;
  return v;
}
/* { dg-final { scan-assembler-times "# rdpkru" 2 } } */
/* { dg-final { scan-assembler-times "# wrpkru" 2 } } */
/* { dg-final { scan-assembler-times "call\t__pkeyplug_emulate_open" 1 } } */
/* { dg-final { scan-assembler-times "call\t__pkeyplug_emulate_close" 1 } } */
/* { dg-final { scan-assembler "__pkeyplug_key\\.vault\\(%rip\\)" } } */
