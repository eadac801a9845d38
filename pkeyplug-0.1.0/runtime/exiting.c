/* exiting.c -- lock a thread's keys before exit runs the atexit handlers.

   exit (or quick_exit, or abort) called inside a granting function would
   run the atexit handlers, the destructors or a SIGABRT handler with the
   grant open, though they are not part of it.  The plugin calls
   __pkeyplug_before_exit before each such call it compiles; the shared
   runtime's exit (rights.c) does the same for code compiled without the
   plugin.  */

#include "pkeyrt.h"

PKEYRT_EXPORT void
__pkeyplug_before_exit (void)
{
  enum pkeyplug_mode mode = __atomic_load_n (&pkeyrt_mode, __ATOMIC_ACQUIRE);

  if (mode == PKEYPLUG_MODE_HW)
    pkeyrt_hw_lock_thread ();
  /* Emulated keys, in emulate mode or overflowing in hw mode.  */
  if (mode == PKEYPLUG_MODE_HW || mode == PKEYPLUG_MODE_EMULATE)
    pkeyrt_emulate_release_thread ();
}
