/* api.c -- the runtime's public API, declared in <pkeyplug.h>: which mode
   the runtime chose and which keys it set up.  */

#include "pkeyrt.h"

PKEYRT_EXPORT enum pkeyplug_mode
pkeyplug_mode (void)
{
  return __atomic_load_n (&pkeyrt_mode, __ATOMIC_ACQUIRE);
}

PKEYRT_EXPORT const char *
pkeyplug_mode_name (enum pkeyplug_mode mode)
{
  switch (mode)
    {
    case PKEYPLUG_MODE_UNINITIALIZED:
      return "uninitialized";
    case PKEYPLUG_MODE_HW:
      return "hw";
    case PKEYPLUG_MODE_EMULATE:
      return "emulate";
    case PKEYPLUG_MODE_OFF:
      return "off";
    default:
      return "unknown";
    }
}

/* The hardware key of NAME in hw mode, 0 for a known NAME in the other
   modes, -1 for a name no loaded module uses.  */

PKEYRT_EXPORT int
pkeyplug_key_of (const char *name)
{
  int slot, result = -1;

  if (name == NULL)
    return -1;
  pthread_mutex_lock (&pkeyrt_lock);
  slot = pkeyrt_find_key (name);
  if (slot >= 0)
    result = pkeyrt_mode == PKEYPLUG_MODE_HW ? pkeyrt_keys[slot].hw_key : 0;
  pthread_mutex_unlock (&pkeyrt_lock);
  return result;
}

PKEYRT_EXPORT int
pkeyplug_key_count (void)
{
  int n;

  pthread_mutex_lock (&pkeyrt_lock);
  n = (int) pkeyrt_nkeys;
  pthread_mutex_unlock (&pkeyrt_lock);
  return n;
}
