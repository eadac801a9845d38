/* dump.c -- protected pages in core dumps, or not.

   By default every protected page, static or heap, is left out of core
   dumps (MADV_DONTDUMP): a core file is ordinary data that anyone who
   can read it can read.  A developer chasing a crash may need the
   secrets in the dump: PKEYPLUG_OPTIONS=dontdump=0 keeps them there
   (and says so with verbose=1, once).  The kernel writes a core dump
   itself, where PKRU plays no part, so a dumped page holds the secret in
   clear whatever the key's state at the crash.  */

#include "pkeyrt.h"

#include <sys/mman.h>

/* ADDR, LEN: pages that are about to hold protected data.  */

void
pkeyrt_exclude_from_dump (void *addr, size_t len)
{
  static int said;

  if (pkeyrt_config->opt.dontdump)
    {
      (void) madvise (addr, len, MADV_DONTDUMP);
      return;
    }
  if (pkeyrt_config->opt.verbose
      && !__atomic_exchange_n (&said, 1, __ATOMIC_RELAXED))
    pkeyrt_note ("dontdump=0: protected pages are kept in core dumps");
}
