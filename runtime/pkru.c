/* pkru.c -- the runtime's one way to write PKRU, and what it trusts.

   Every WRPKRU the runtime itself runs goes through pkeyrt_wrpkru.  Once
   sealed gates have a ledger (seal.c), it checks each value it writes as
   a gate does, so that the runtime's WRPKRU is no better a gadget than a
   gate's.  The check trusts pkeyrt_seal_config: seal.c fills it when it
   sets the ledger up and then makes its page read-only.  The files that
   write PKRU sit above this one; the ledger sits above them all, and
   reaches this file only through that configuration.  */

#include "pkeyrt.h"
#include "ledger-asm.h"

/* Read-only once the ledger is set up: what the runtime's own checks
   trust.  A page of its own so that mprotect covers nothing else.  */
struct pkeyrt_seal_config pkeyrt_seal_config
  __attribute__ ((aligned (PKEYPLUG_PAGE_SIZE)));

/* WRPKRU (PKRU), checked against the ledger once there is one.  */

void
pkeyrt_wrpkru (uint32_t pkru)
{
  uint32_t bits = pkeyrt_seal_config.bits;

  /* The ledger stays readable whatever the caller computed: the check
     reads it.  */
  if (pkeyrt_seal_config.ledger != 0)
    pkru = (pkru & ~bits) | (bits & 0xaaaaaaaau);
  __asm__ __volatile__ ("xorl %%ecx, %%ecx\n\t"
			"xorl %%edx, %%edx\n\t"
			LISTED_WRPKRU ("")
			CHECK_WRITTEN
			: "+a" (pkru)
			: LEDGER_OPERANDS
			: LEDGER_CLOBBERS);
}

/* Is the ledger in use?  */

int
pkeyrt_sealed (void)
{
  return pkeyrt_seal_config.ledger != 0;
}
