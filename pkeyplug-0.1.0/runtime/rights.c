/* rights.c -- a thread's rights, saved before setjmp and restored when it
   returns; and locked before exit runs the atexit handlers.

   longjmp restores registers, not PKRU, and not the emulation's per-thread
   levels: a longjmp out of a granting function would leave the key open in
   the setjmp caller.  The plugin calls __pkeyplug_rights_save before every
   call of a function that returns twice and __pkeyplug_rights_restore after
   it; on the first return nothing has changed, on a return through longjmp
   the caller gets its rights back.  */

#include "pkeyrt.h"

#include <dlfcn.h>
#include <string.h>
#include <unistd.h>

struct saved_rights
{
  uint32_t mode;		/* pkeyrt_mode when saved.  */
  uint32_t pkru;		/* hw mode.  */
  uint8_t levels[PKEYRT_MAX_KEYS];	/* Emulated keys, in either mode
					   (overflow=emulate in hw).  */
  uint32_t counts[PKEYRT_SEAL_COUNTS];	/* Sealed gates' grants.  */
};

_Static_assert (sizeof (struct saved_rights) <= PKEYPLUG_RIGHTS_SIZE,
		"PKEYPLUG_RIGHTS_SIZE is too small");

PKEYRT_EXPORT void
__pkeyplug_rights_save (void *buf)
{
  struct saved_rights *r = buf;

  r->mode = __atomic_load_n (&pkeyrt_mode, __ATOMIC_ACQUIRE);
  if (r->mode == PKEYPLUG_MODE_HW)
    {
      r->pkru = pkeyrt_rdpkru ();
      pkeyrt_seal_snapshot (r->counts);
    }
  if (r->mode == PKEYPLUG_MODE_HW || r->mode == PKEYPLUG_MODE_EMULATE)
    pkeyrt_emulate_snapshot (r->levels);
}

PKEYRT_EXPORT void
__pkeyplug_rights_restore (const void *buf)
{
  const struct saved_rights *r = buf;

  /* Saved before the runtime started: there was nothing to save.  */
  if (r->mode != __atomic_load_n (&pkeyrt_mode, __ATOMIC_ACQUIRE))
    return;
  if (r->mode == PKEYPLUG_MODE_HW && pkeyrt_rdpkru () != r->pkru)
    pkeyrt_wrpkru (r->pkru);
  /* The buffer is in writable memory: the ledger takes from it only
     counts lower than its own.  */
  if (r->mode == PKEYPLUG_MODE_HW)
    pkeyrt_seal_lower (r->counts);
  if (r->mode == PKEYPLUG_MODE_HW || r->mode == PKEYPLUG_MODE_EMULATE)
    pkeyrt_emulate_restore (r->levels);
}

#ifdef PIC

/* exit inside a granting function would run the atexit handlers and the
   destructors with the key open: they are not part of the grant.  Lock
   every key for the calling thread first.  Interposing needs the dynamic
   linker, so this is in the shared library only; a return from main
   needs nothing, since main's own grants have closed by then.  */

typedef void exit_fn (int);

PKEYRT_EXPORT void
exit (int status)
{
  exit_fn *real = (exit_fn *) dlsym (RTLD_NEXT, "exit");

  __pkeyplug_before_exit ();
  if (!real)
    _exit (status);
  real (status);
  __builtin_unreachable ();
}

#endif /* PIC */
