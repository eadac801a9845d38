/* By default a granting function clears the call-used registers it used
   before it returns (here r11, which its body sets), and calls the stack
   scrubber only when asked.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) void
derive (void)
{
  __asm__ __volatile__ ("mov %0, %%r11" : : "r" (secret) : "r11");
}
/* { dg-final { scan-assembler "xorl\t%r11d, %r11d" } } */
/* { dg-final { scan-assembler-not "__pkeyplug_scrub_stack" } } */
