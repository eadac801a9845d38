/* pkeyseq.c -- find WRPKRU, XRSTOR and XRSTORS byte sequences at every
   byte offset of a buffer.  Compiled into pkeyplug-scan and into
   libpkeyrt (scan=1); see pkeyseq.h.  No allocation and no stdio, so
   that the runtime can use it anywhere.  */

#include "pkeyseq.h"
#include "pkeyplug-asm.h"

#include <string.h>

const char *
pkeyseq_kind_name (enum pkeyseq_kind kind)
{
  switch (kind)
    {
    case PKEYSEQ_WRPKRU:
      return "wrpkru";
    case PKEYSEQ_XRSTOR:
      return "xrstor";
    case PKEYSEQ_XRSTORS:
      return "xrstors";
    default:
      return "?";
    }
}

int
pkeyseq_find (const unsigned char *p, size_t len,
	      int (*found) (void *, size_t, enum pkeyseq_kind), void *arg)
{
  size_t i;
  int r;

  for (i = 0; i + 3 <= len; i++)
    {
      /* Every sequence starts with 0F: let memchr skip to it.  */
      const unsigned char *q = memchr (p + i, 0x0f, len - 2 - i);
      unsigned int modrm;

      if (q == NULL)
	break;
      i = (size_t) (q - p);
      modrm = q[2];
      r = 0;
      if (q[1] == 0x01 && modrm == PKEYPLUG_WRPKRU_MODRM)
	r = found (arg, i, PKEYSEQ_WRPKRU);
      else if (q[1] == 0xae && (modrm >> 3 & 7) == 5 && modrm >> 6 != 3)
	r = found (arg, i, PKEYSEQ_XRSTOR);
      else if (q[1] == 0xc7 && (modrm >> 3 & 7) == 3 && modrm >> 6 != 3)
	r = found (arg, i, PKEYSEQ_XRSTORS);
      if (r != 0)
	return r;
    }
  return 0;
}
