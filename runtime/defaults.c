/* defaults.c -- the PKRU bits every hardware key of ours has outside
   grants, on a page the runtime keeps read-only.

   Locking a thread's keys (before exit, when a thread starts or ends)
   and putting its rights back after a longjmp write PKRU values the
   runtime computes.  Neither may take them from memory an attacker can
   write: the key table is ordinary memory, and a setjmp save area is on
   the stack.  This page holds which PKRU bits are ours (MASK) and what
   they are outside every grant (BITS: AD and WD for a noaccess key, WD
   for a readonly one).  It is zeroed and made read-only when the runtime
   starts in hw mode, changes only when a hardware key is made or gets
   its policy (under pkeyrt_lock), and harden=1 guards it like a
   descriptor page.  */

#include "pkeyrt.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

struct defaults
{
  uint32_t mask;		/* Both PKRU bits of each of our keys.  */
  uint32_t bits;		/* Their values outside grants.  */
  char padding[PKEYPLUG_PAGE_SIZE - 8];
};

/* A page of its own: mprotect covers nothing else.  */
static struct defaults defaults __attribute__ ((aligned (PKEYPLUG_PAGE_SIZE)));

static void
protect (int prot)
{
  if (mprotect (&defaults, sizeof defaults, prot) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "cannot change the protection of "
		  "the keys' default rights: %s", strerror (errno));
}

/* Called once, when the runtime starts in hw mode.  */

void
pkeyrt_defaults_start (void)
{
  protect (PROT_READ | PROT_WRITE);
  memset (&defaults, 0, sizeof defaults);
  protect (PROT_READ);
}

/* Hardware key PKEY has RIGHTS (PKEYRT_DISABLE_*) outside grants.  Called
   with pkeyrt_lock held.  The page is read-only before and after: what
   it held is trusted, and a write by another thread while it is open is
   caught by reading it back.  */

void
pkeyrt_defaults_set (int pkey, unsigned int rights)
{
  unsigned int shift = 2 * (unsigned int) pkey;
  uint32_t mask = defaults.mask | (3u << shift);
  uint32_t bits = (defaults.bits & ~(3u << shift)) | ((rights & 3u) << shift);

  /* The filter forbids changing the page (a unit that states a key's
     policy after it, for a key only grants had named).  */
  if (pkeyrt_harden_active ())
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: hardware key %d gets "
		  "its policy after the filter is in place", pkey);
  protect (PROT_READ | PROT_WRITE);
  defaults.mask = mask;
  defaults.bits = bits;
  protect (PROT_READ);
  if (defaults.mask != mask || defaults.bits != bits)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "the keys' default rights were "
		  "changed while the runtime wrote them");
}

/* PKRU with every key of ours set to its default rights, the other bits
   as they are.  */

uint32_t
pkeyrt_defaults_lock (uint32_t pkru)
{
  return (pkru & ~defaults.mask) | defaults.bits;
}

/* Is hardware key PKEY one of ours (a key of a name, or the ledger)?  */

int
pkeyrt_defaults_owns (int pkey)
{
  return ((defaults.mask >> (2 * (unsigned int) pkey)) & 3u) != 0;
}

/* Set the calling thread's PKRU bits of every key of ours to their
   defaults.  */

void
pkeyrt_hw_lock_thread (void)
{
  uint32_t old = pkeyrt_rdpkru (), pkru = pkeyrt_defaults_lock (old);

  if (pkru != old)
    pkeyrt_wrpkru (pkru);
}

/* AD implies WD: a key's closedness as a set of bits (none, WD, both),
   so that OR is the more closed of two and AND the more open.  */

static uint32_t
normal (uint32_t pkru)
{
  return pkru | ((pkru & 0x55555555u) << 1);
}

/* PKRU after a longjmp: from the current value PKRU and the value SAVED
   at setjmp (which anyone may have written), each key of ours becomes
   at least as closed as SAVED says, and at least as closed as it is now
   unless that is more than its default (a signal handler left it
   locked, and SAVED says the setjmp caller could read a readonly key).
   So no key ever ends up more open than it is now or than its default,
   whatever SAVED holds.  Keys that are not ours keep their bits.  */

uint32_t
pkeyrt_defaults_restore (uint32_t pkru, uint32_t saved)
{
  uint32_t mask = defaults.mask;
  uint32_t now = normal (pkru) & mask;
  uint32_t want = (normal (saved) | (normal (pkru) & normal (defaults.bits)))
		  & mask;
  /* Keys whose closedness changes take WANT's bits; the others keep
     theirs, so that nothing is written when nothing changes.  */
  uint32_t diff = now ^ want;
  uint32_t keys = (diff | (diff >> 1)) & 0x55555555u;

  keys |= keys << 1;
  return (pkru & ~keys) | (want & keys);
}

/* For harden=1: the page no system call may touch.  */

const void *
pkeyrt_defaults_page (void)
{
  return &defaults;
}
