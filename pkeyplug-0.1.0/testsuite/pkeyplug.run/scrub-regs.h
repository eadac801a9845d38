/* scrub-regs.h -- shared by scrub-regs*.c: a granting function leaves a
   secret-derived value in r11, a call-used register; the caller reads r11
   right after the call returns.  */

#include <stdio.h>
#include <pkeyplug.h>

unsigned long secret PKEY_PROTECT ("vault") = 0x5eC7e7cafe0ddUL;

PKEY_GRANT ("vault") __attribute__ ((noinline)) void
derive (void)
{
  unsigned long v = secret ^ 0x1234;
  __asm__ __volatile__ ("mov %0, %%r11" : : "r" (v) : "r11");
}

int
main (void)
{
  unsigned long r11;
  __asm__ __volatile__ ("call derive\n\tmov %%r11, %0"
			: "=r" (r11)
			:
			: "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9",
			  "r10", "r11", "memory", "cc");
  printf ("r11 after the call %s the secret\n",
	  r11 == (0x5eC7e7cafe0ddUL ^ 0x1234) ? "holds" : "does not hold");
  return 0;
}
