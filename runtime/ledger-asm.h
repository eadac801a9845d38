/* ledger-asm.h -- the assembly that pkru.c's checked WRPKRU and seal.c's
   ledger writers share: a listed WRPKRU and the check after it, with the
   ledger's address and bits as operands (pkeyrt_seal_config).  The
   sequences themselves are the plugin's too: pkeyplug-asm.h.  */

#ifndef PKEYRT_LEDGER_ASM_H
#define PKEYRT_LEDGER_ASM_H

#include "pkeyplug-asm.h"

#define S(X) PKEYRT_STRINGIFY (X)
#define RDPKRU_EAX PKEYPLUG_ASM_READ_PKRU
#define LISTED_WRPKRU(TAG) PKEYPLUG_ASM_LISTED_WRPKRU (TAG) "\n\t"

/* After a WRPKRU: the gates' check (pkeyplug-asm.h), once there is a
   ledger.  */
#define CHECK_WRITTEN \
  "movq %[ledger], %%rdx\n\t" \
  "testq %%rdx, %%rdx\n\t" \
  "jz 1f\n\t" \
  PKEYPLUG_ASM_CHECK_WRITTEN ("%%esi", "\tud2\t# pkeyplug: PKRU value " \
			      "not allowed by the ledger") "\n\t"

#define LEDGER_OPERANDS \
  [ledger] "m" (pkeyrt_seal_config.ledger), \
  [bits] "m" (pkeyrt_seal_config.bits)

#define LEDGER_CLOBBERS "rcx", "rdx", "rsi", "rdi", "cc", "memory"

#endif /* PKEYRT_LEDGER_ASM_H */
