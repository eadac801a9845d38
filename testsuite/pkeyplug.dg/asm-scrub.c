/* By default a granting function clears the call-used registers it used
   before it returns (here r11, which its body sets); a grant that closes
   its key clears those its callees used: the hw path calls the register
   scrubber (an ordinary call), the emulation's path the close that
   scrubs.  The stack scrubber only when asked.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) void
derive (void)
{
  __asm__ __volatile__ ("mov %0, %%r11" : : "r" (secret) : "r11");
}
/* { dg-final { scan-assembler "xorl\t%r11d, %r11d" } } */
/* { dg-final { scan-assembler-not "__pkeyplug_scrub_stack" } } */
/* { dg-final { scan-assembler-times "call\t__pkeyplug_scrub_regs" 1 } } */
/* { dg-final { scan-assembler {movl\t\$-2147483648, %edx\n([^\n]*\n){0,8}?[^\n]*call\t__pkeyplug_emulate_close_scrub} } } */
/* { dg-final { scan-assembler-not "jmp\t__pkeyplug_scrub" } } */
