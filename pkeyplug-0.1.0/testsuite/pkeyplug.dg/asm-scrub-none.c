/* scrub=none leaves the registers alone; scrub-stack=4096 calls the
   stack scrubber on the closing paths (hw and emulate).  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub=none -fplugin-arg-pkeyplug-scrub-stack=4096" } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) void
derive (void)
{
  __asm__ __volatile__ ("mov %0, %%r11" : : "r" (secret) : "r11");
}
/* { dg-final { scan-assembler-not "xorl\t%r11d, %r11d" } } */
/* { dg-final { scan-assembler {movl\t\$4096, %edi\n([^\n]*\n){0,12}?[^\n]*(call|jmp)\t__pkeyplug_scrub_stack} } } */
