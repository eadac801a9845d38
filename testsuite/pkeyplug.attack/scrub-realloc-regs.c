/* Attack: grow a heap secret with pkeyplug_realloc from outside any grant
   and read the registers it returns with.  The runtime opens the key to
   copy the block (glibc's memcpy: vector registers); it must clear them
   before it returns, as a closing grant does.  */
/* { dg-do run } */

#include <pkeyplug.h>

#include "regdump.h"

#define SECRET "pkeyplug-realloc:0123456789abcdef/Tr0ub4dor&3.staple+horse#9210"

/* Writes the secret (64 bytes with its terminating zero) into a block of
   key "vault".  */
PKEY_GRANT ("vault") __attribute__ ((noinline)) static void
fill (unsigned char *block)
{
  for (unsigned int i = 0; i < sizeof SECRET; i++)
    block[i] = (unsigned char) SECRET[i];
}

int
main (void)
{
  static struct regdump d;
  unsigned char *p = pkeyplug_malloc ("vault", sizeof SECRET);

  if (p == NULL || sizeof SECRET != 64)
    return 2;
  fill (p);
  regdump_init (&d);
  /* 64 bytes grow to 300: another size class, so the block moves.  */
  p = (unsigned char *) regdump_call (&d, (void *) pkeyplug_realloc,
				      (unsigned long) p, 300);
  if (p == NULL)
    return 3;
  return regdump_report (&d, (const unsigned char *) SECRET, 64) ? 1 : 0;
}

/* { dg-output "general registers: clean\n" } */
/* { dg-output "x87/MMX: clean\n" } */
/* { dg-output "xmm0-15: clean\n" } */
/* { dg-output "ymm0-15 upper halves: (clean|not on this CPU)\n" } */
/* { dg-output "zmm0-15 upper halves: (clean|not on this CPU)\n" } */
/* { dg-output "zmm16-31: (clean|not on this CPU)\n" } */
/* { dg-output "k0-7: (zero|not on this CPU)\n" } */
