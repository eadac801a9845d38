/* With scrub-stack, a grant that closes its key calls the register
   scrubber, then the stack scrubber, both as ordinary calls: a tail call
   would skip the function's own clearing of its registers.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub-stack=4096" } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) void
derive (void)
{
  __asm__ __volatile__ ("mov %0, %%r11" : : "r" (secret) : "r11");
}
/* { dg-final { scan-assembler {call\t__pkeyplug_scrub_regs[^\n]*\n([^\n]*\n){0,3}?[^\n]*movl\t\$4096, %edi\n[^\n]*call\t__pkeyplug_scrub_stack} } } */
/* { dg-final { scan-assembler-not "jmp\t__pkeyplug_scrub" } } */
