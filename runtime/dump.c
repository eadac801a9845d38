/* dump.c -- protected pages in core dumps, or not.

   By default every protected page, static or heap, is left out of core
   dumps (MADV_DONTDUMP): a core file is ordinary data that anyone who
   can read it can read.  A developer chasing a crash may need the
   secrets in the dump: PKEYPLUG_OPTIONS=dontdump=0 keeps them there
   (and says so with verbose=1, once).

   The kernel writes a page into a core file only if the thread that
   dumps may read it: pages the emulation made PROT_NONE are written
   (the kernel forces the read), but PKRU applies, so in hw mode a page
   of a hardware key the crashing thread holds no grant of is written as
   zeros, dontdump=0 or not.  Where the runtime ends the process itself
   (a violation report), it first gives the thread read access to every
   hardware key, so that such a core holds every secret.  Crashes of the
   program's own (abort, a fault of its own) keep only the keys the thread
   could read at the crash.  */

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

/* The calling thread is about to end the process with a core dump
   (pkeyrt_die after a violation report): with dontdump=0, let it read
   every hardware key, so that the kernel writes their pages into the
   core.  Sealed gates allow the runtime no WRPKRU of its own for a key:
   then the core keeps what the thread could read.  */

void
pkeyrt_dump_open_keys (void)
{
  uint32_t n = __atomic_load_n (&pkeyrt_nkeys, __ATOMIC_ACQUIRE);

  if (pkeyrt_config->opt.dontdump
      || pkeyrt_current_mode () != PKEYPLUG_MODE_HW || pkeyrt_sealed ())
    return;
  for (uint32_t slot = 0; slot < n; slot++)
    if (pkeyrt_keys[slot].gate == PKEYPLUG_GATE_HW)
      pkeyrt_hw_set_rights (pkeyrt_keys[slot].hw_key, PKEYRT_DISABLE_WRITE);
}
