/* scrub=none leaves the registers alone, also those of the callees;
   scrub-stack=4096 calls the stack scrubber on the hw closing path, never
   as a tail call, and asks the emulation's close for it.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub=none -fplugin-arg-pkeyplug-scrub-stack=4096" } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) void
derive (void)
{
  __asm__ __volatile__ ("mov %0, %%r11" : : "r" (secret) : "r11");
}
/* { dg-final { scan-assembler-not "xorl\t%r11d, %r11d" } } */
/* { dg-final { scan-assembler {movl\t\$4096, %edi\n([^\n]*\n){0,12}?[^\n]*call\t__pkeyplug_scrub_stack} } } */
/* { dg-final { scan-assembler {movl\t\$4096, %edx\n([^\n]*\n){0,8}?[^\n]*call\t__pkeyplug_emulate_close_scrub} } } */
/* { dg-final { scan-assembler-not "jmp\t__pkeyplug_scrub" } } */
/* { dg-final { scan-assembler-not "__pkeyplug_scrub_regs" } } */
