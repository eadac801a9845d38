/* window.c -- the runtime opens a key for the calling thread, briefly.

   The runtime itself sometimes has to touch a key's pages outside every
   grant: the heap zeroes freed blocks and copies on realloc (heap.c), and
   the leak checker's helper reads protected memory for heap pointers
   (lsan.c).  Each key is opened its own way, since in a hw process some
   keys may be emulated, and closed again to exactly the rights the thread
   had before.  */

#include "pkeyrt.h"

/* Let the calling thread read and write the pages of key SLOT.  */

void
pkeyrt_window_open (uint32_t slot, struct pkeyrt_window *w)
{
  unsigned int shift;

  switch (pkeyrt_keys[slot].gate)
    {
    case PKEYPLUG_GATE_HW:
      shift = 2 * (unsigned int) pkeyrt_keys[slot].hw_key;
      w->pkru = pkeyrt_rdpkru ();
      if (w->pkru & (3u << shift))
	pkeyrt_wrpkru (w->pkru & ~(3u << shift));
      break;
    case PKEYPLUG_GATE_EMULATE:
      w->token = pkeyrt_emulate_raise (slot, PKEYRT_LEVEL_WRITE);
      break;
    default:
      break;
    }
}

/* Give the calling thread back the rights it had before
   pkeyrt_window_open.  */

void
pkeyrt_window_close (uint32_t slot, const struct pkeyrt_window *w)
{
  switch (pkeyrt_keys[slot].gate)
    {
    case PKEYPLUG_GATE_HW:
      if (pkeyrt_rdpkru () != w->pkru)
	pkeyrt_wrpkru (w->pkru);
      break;
    case PKEYPLUG_GATE_EMULATE:
      pkeyrt_emulate_lower (slot, w->token);
      break;
    default:
      break;
    }
}
