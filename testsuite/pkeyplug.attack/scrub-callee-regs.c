/* Attack: read the registers that the callees of a grant dirtied.  The
   granting function copies and compares the secret with glibc's memcpy
   and memcmp (out of line: -fno-builtin), which leave pieces of it in
   general registers (8 bytes: rcx, rsi), in vector registers (AVX2:
   xmm/ymm 0-15; EVEX variants: ymm16-31) and a comparison mask in k
   registers; another routine leaves it in r10 and in an MMX register
   (x87 state, which FXSAVE and XSAVE store even when tagged empty), the
   way an assembly routine of a library does.  Right after the outermost
   grant returns, the attacker reads every call-used register.  Default
   options (scrub=used): the closing exit gate clears them all.  */
/* { dg-do run } */
/* { dg-options "-fno-builtin" } */

#include <string.h>
#include <pkeyplug.h>

#include "regdump.h"

#define SECRET "0123456789abcdef-Tr0ub4dor&3/correct.horse+battery:staple!?<>[]{"

/* 64 bytes, no terminating zero.  */
static unsigned char secret[64] PKEY_PROTECT ("vault") = SECRET;

/* Differs from the secret in every byte, so that it shows no piece of
   it.  */
static unsigned char guess[64];

volatile int sink;

/* Compiled like a library: the grant's own register clearing does not
   know which registers it used.  */
__attribute__ ((noipa)) void
library_routine (const unsigned char *p)
{
  __asm__ __volatile__ ("movq\t%0, %%mm0\n\temms\n\t"
			"movq\t%1, %%r10"
			: : "m" (*(const unsigned long *) (p + 16)),
			  "m" (*(const unsigned long *) (p + 24))
			: "mm0", "r10");
}

PKEY_GRANT ("vault") __attribute__ ((noinline)) void *
use_secret (void *a, unsigned long b)
{
  unsigned char copy[64], word[8];

  (void) a;
  (void) b;
  memcpy (copy, secret, sizeof copy);
  sink = memcmp (copy, guess, sizeof copy);
  memcpy (word, secret + 8, sizeof word);
  sink = word[0];
  library_routine (secret);
  return NULL;
}

int
main (void)
{
  static struct regdump d;

  for (unsigned int i = 0; i < sizeof guess; i++)
    guess[i] = (unsigned char) SECRET[i] ^ 0xa5;
  regdump_init (&d);
  regdump_call (&d, (void *) use_secret, 0, 0);
  return regdump_report (&d, (const unsigned char *) SECRET, 64) ? 1 : 0;
}

/* { dg-output "general registers: clean\n" } */
/* { dg-output "x87/MMX: clean\n" } */
/* { dg-output "xmm0-15: clean\n" } */
/* { dg-output "ymm0-15 upper halves: (clean|not on this CPU)\n" } */
/* { dg-output "zmm0-15 upper halves: (clean|not on this CPU)\n" } */
/* { dg-output "zmm16-31: (clean|not on this CPU)\n" } */
/* { dg-output "k0-7: (zero|not on this CPU)\n" } */
