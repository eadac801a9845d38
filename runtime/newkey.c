/* newkey.c -- make a key: a slot of the key table, a hardware key in hw
   mode (or the emulation where none is left and overflow=emulate), and
   what each mechanism keeps per key (the default rights, the threads
   that predate it, the sealed ledger, the emulation's protection).

   Unit registration (init.c) and pkeyplug_malloc of a new name (heap.c)
   both make keys here, under pkeyrt_lock.  */

#include "pkeyrt.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Make a new slot for key NAME, with the policy entry E states.  E is
   NULL for a key that pkeyplug_malloc makes: its policy stays unknown,
   i.e. noaccess, until a unit states one.  Return the slot, or -1 with
   errno ENOSPC when no key is left (no hardware key and overflow=fail, or
   a full table), or pkey_alloc's errno.  Called with pkeyrt_lock
   held.  */

int
pkeyrt_new_key (const char *name, const struct pkeyplug_unit_entry *e)
{
  struct pkeyrt_key *key;
  int pkey = -1, gate;

  if (pkeyrt_nkeys >= PKEYRT_MAX_KEYS)
    {
      errno = ENOSPC;
      return -1;
    }
  /* The filter knows only the keys there were when it went in.  */
  if (pkeyrt_harden_active ())
    {
      errno = EPERM;
      return -1;
    }

  switch (pkeyrt_current_mode ())
    {
    case PKEYPLUG_MODE_HW:
      gate = PKEYPLUG_GATE_HW;
      break;
    case PKEYPLUG_MODE_EMULATE:
      gate = PKEYPLUG_GATE_EMULATE;
      break;
    default:
      gate = PKEYPLUG_GATE_NONE;
      break;
    }

  key = &pkeyrt_keys[pkeyrt_nkeys];
  memset (key, 0, sizeof *key);
  strcpy (key->name, name);
  key->policy = PKEYRT_POLICY_UNKNOWN;
  if (e != NULL && pkeyrt_states_policy (e))
    pkeyrt_set_policy (key, e);

  if (gate == PKEYPLUG_GATE_HW)
    {
      /* pkey_alloc also gives this thread the key's default rights.  */
      if (pkeyrt_hw_key_count () < PKEYRT_MAX_HW_KEYS)
	{
	  char what[PKEYPLUG_NAME_MAX + 8];

	  snprintf (what, sizeof what, "key '%s'", name);
	  pkey = pkeyrt_pkey_alloc (0, pkeyrt_policy_rights (key->policy),
				    what);
	}
      else
	errno = ENOSPC;
      if (pkey < 0 && errno == ENOSPC && pkeyrt_config->opt.overflow_emulate)
	gate = PKEYPLUG_GATE_EMULATE;
      else if (pkey < 0)
	return -1;
    }
  key->gate = gate;
  key->hw_key = pkey > 0 ? pkey : 0;
  if (pkey > 0)
    {
      pkeyrt_defaults_set (pkey, pkeyrt_policy_rights (key->policy));
      pkeyrt_sync_note_key (pkey);
    }
  if (key->policy != PKEYRT_POLICY_UNKNOWN)
    pkeyrt_seal_key (key);
  key->prot = pkeyrt_emulate_locked_prot (key);
  return (int) pkeyrt_nkeys++;
}

