/* The emulation's calls are on a cold path, moved out of the function's
   hot part, and the body is not copied once per kind of gate: the hot
   part holds one RDPKRU, two WRPKRU, the body's one load of the secret,
   and no call.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) int
get (int x)
{
  return secret + x;
}
/* { dg-final { scan-assembler "\\.section\t\\.text\\.unlikely" } } */
/* { dg-final { scan-assembler "get\\.cold:" } } */
/* { dg-final { scan-assembler-times "secret\\(%rip\\)" 1 } } */
/* { dg-final { scan-assembler-not "\nget:\n((?!get\\.cold:)\[^\\n\]*\n)*\[^\\n\]*\tcall" } } */
/* The emulation's close is called, not jumped to: the function's own
   return clears the call-used registers.  */
/* { dg-final { scan-assembler-not "jmp\t__pkeyplug_emulate_close" } } */
