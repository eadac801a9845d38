/* rights.c -- a thread's rights, saved before setjmp and put back when
   it returns.

   longjmp restores registers, not PKRU, and not the emulation's per-thread
   levels: a longjmp out of a granting function would leave the key open in
   the setjmp caller.  The plugin calls __pkeyplug_rights_save before every
   call of a function that returns twice and __pkeyplug_rights_restore after
   it; on the first return nothing has changed, on a return through longjmp
   the grants jumped out of are closed again.

   The save area is in the caller's frame, and restore is exported: anyone
   can hand it a buffer of their own.  So restore only ever closes.  A
   hardware key gets at least as closed as the buffer says (and never more
   open than it is now, or than its default: defaults.c), an emulated key's
   level only goes down.  The keys the setjmp caller grants by itself the
   plugin opens again right after the call, with an entry gate's code
   (plugin/gates.cc, pkeyplug_add_reopen): after a siglongjmp out of a signal
   handler, which ran with every key locked, that function has its grant
   back.  Keys it held only from its callers stay locked.  With sealed
   gates the ledger, not the buffer, decides: the value written must pass
   its check, and the buffer's counts can only lower the ledger's.  */

#include "pkeyrt.h"

struct saved_rights
{
  uint32_t mode;		/* pkeyrt_current_mode () when saved.  */
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

  r->mode = pkeyrt_current_mode ();
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
  if (r->mode != pkeyrt_current_mode ())
    return;
  if (r->mode == PKEYPLUG_MODE_HW)
    {
      uint32_t now = pkeyrt_rdpkru ();
      uint32_t pkru = (pkeyrt_sealed () ? r->pkru
		       : pkeyrt_defaults_restore (now, r->pkru));

      if (pkru != now)
	pkeyrt_wrpkru (pkru);
      pkeyrt_seal_lower (r->counts);
    }
  if (r->mode == PKEYPLUG_MODE_HW || r->mode == PKEYPLUG_MODE_EMULATE)
    pkeyrt_emulate_restore (r->levels);
}
