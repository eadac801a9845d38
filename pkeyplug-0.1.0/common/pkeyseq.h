/* pkeyseq.h -- the byte sequences that change PKRU, shared by
   pkeyplug-scan (tools/) and the runtime's scan=1 (runtime/scan.c), so
   that both look for exactly the same thing.

   WRPKRU is 0F 01 EF.  XRSTOR is 0F AE /5 and XRSTORS 0F C7 /3, each
   with a memory operand (mod != 3: with a register operand the same bytes
   are other instructions, LFENCE among them).  Prefixes, REX.W included,
   are not looked at, since a jump may land after them.  */

#ifndef PKEYSEQ_H
#define PKEYSEQ_H

#include <stddef.h>

enum pkeyseq_kind
{
  PKEYSEQ_WRPKRU,
  PKEYSEQ_XRSTOR,
  PKEYSEQ_XRSTORS
};

/* "wrpkru", "xrstor", "xrstors".  */
extern const char *pkeyseq_kind_name (enum pkeyseq_kind kind);

/* Call FOUND (ARG, OFFSET, KIND) for each sequence that starts at some
   byte offset of the LEN bytes at P, in order.  A nonzero return from
   FOUND stops the walk and is returned; else 0.  */
extern int pkeyseq_find (const unsigned char *p, size_t len,
			 int (*found) (void *arg, size_t offset,
				       enum pkeyseq_kind kind),
			 void *arg);

#endif /* PKEYSEQ_H */
