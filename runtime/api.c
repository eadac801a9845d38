/* api.c -- the runtime's public API, declared in <pkeyplug.h>: which mode
   the runtime chose, which keys it set up, and heap secrets.  Each entry
   that needs the runtime started starts it here, so that the files below
   never call up into start-up.  */

#include "pkeyrt.h"

#include <errno.h>

PKEYRT_EXPORT enum pkeyplug_mode
pkeyplug_mode (void)
{
  return pkeyrt_current_mode ();
}

PKEYRT_EXPORT const char *
pkeyplug_mode_name (enum pkeyplug_mode mode)
{
  return pkeyrt_mode_name (mode);
}

/* The hardware key of NAME, 0 for a known NAME that has none (emulated or
   off), -1 for a name no loaded module uses.  */

PKEYRT_EXPORT int
pkeyplug_key_of (const char *name)
{
  pkeyrt_lock_state st;
  int slot, result = -1;

  if (name == NULL)
    return -1;
  pkeyrt_lock (&st);
  slot = pkeyrt_find_key (name);
  if (slot >= 0)
    result = pkeyrt_keys[slot].hw_key;
  pkeyrt_unlock (&st);
  return result;
}

/* How key NAME is enforced: hw, emulate (in emulate mode, or in hw mode
   for a key that overflow=emulate put under the emulation) or off;
   uninitialized for a name no loaded module uses.  */

PKEYRT_EXPORT enum pkeyplug_mode
pkeyplug_key_mode (const char *name)
{
  enum pkeyplug_mode result = PKEYPLUG_MODE_UNINITIALIZED;
  pkeyrt_lock_state st;
  int slot;

  if (name == NULL)
    return result;
  pkeyrt_lock (&st);
  slot = pkeyrt_find_key (name);
  if (slot >= 0)
    switch (pkeyrt_keys[slot].gate)
      {
      case PKEYPLUG_GATE_HW:
	result = PKEYPLUG_MODE_HW;
	break;
      case PKEYPLUG_GATE_EMULATE:
	result = PKEYPLUG_MODE_EMULATE;
	break;
      default:
	result = PKEYPLUG_MODE_OFF;
	break;
      }
  pkeyrt_unlock (&st);
  return result;
}

PKEYRT_EXPORT int
pkeyplug_key_count (void)
{
  pkeyrt_lock_state st;
  int n;

  pkeyrt_lock (&st);
  n = (int) pkeyrt_nkeys;
  pkeyrt_unlock (&st);
  return n;
}

/* The function every unit with keys refers to (PKEYPLUG_RUNTIME_SYMBOL),
   so that a link that forgot this library fails with a message that says
   how to mend it.  It is never called.  */
__asm__ ("\t.text\n"
	 "\t.globl \"" PKEYPLUG_RUNTIME_SYMBOL "\"\n"
	 "\t.type \"" PKEYPLUG_RUNTIME_SYMBOL "\", @function\n"
	 "\"" PKEYPLUG_RUNTIME_SYMBOL "\":\n"
	 "\tret\n"
	 "\t.size \"" PKEYPLUG_RUNTIME_SYMBOL "\", 1\n");

/* Heap secrets (heap.c).  */

PKEYRT_EXPORT void *
pkeyplug_malloc (const char *name, size_t n)
{
  pkeyrt_start ();
  return pkeyrt_heap_malloc (name, n);
}

PKEYRT_EXPORT void *
pkeyplug_calloc (const char *name, size_t nmemb, size_t size)
{
  size_t n;

  if (__builtin_mul_overflow (nmemb, size, &n))
    {
      errno = ENOMEM;
      return NULL;
    }
  /* Blocks start zeroed.  */
  return pkeyplug_malloc (name, n);
}

PKEYRT_EXPORT void
pkeyplug_free (void *p)
{
  if (p == NULL)
    return;
  pkeyrt_start ();
  pkeyrt_heap_free (p);
}

PKEYRT_EXPORT void *
pkeyplug_realloc (void *p, size_t n)
{
  /* Without a block there is no key to allocate with.  */
  if (p == NULL)
    {
      errno = EINVAL;
      return NULL;
    }
  pkeyrt_start ();
  return pkeyrt_heap_realloc (p, n);
}
