/* exiting.c -- lock a thread's keys before exit runs the atexit handlers.

   exit (or quick_exit, or abort) called inside a granting function would
   run the atexit handlers, the destructors or a SIGABRT handler with the
   grant open, though they are not part of it.  Every way there locks the
   calling thread's keys first:

   - the plugin calls __pkeyplug_before_exit before each call of them it
     compiles, and hands out the address of a function of its own that
     does the same wherever code takes their address (guards.cc), which
     covers calls through pointers in static links;
   - the shared runtime interposes exit, quick_exit and abort for code
     compiled without the plugin (calls from inside the C library, such as
     its own exit of the last thread, do not pass through the PLT);
   - each thread the runtime knows (the one that starts it, and those its
     pthread_create starts) has a thread-local destructor that locks: glibc
     runs those first in exit, before the atexit handlers, and when the
     thread ends, before the last thread's exit.  That also covers exit
     called by code compiled without the plugin in a static link, by
     error () and err (), and pthread_exit of the last thread.  */

#include "pkeyrt.h"

#include <dlfcn.h>
#include <signal.h>
#include <unistd.h>

PKEYRT_EXPORT void
__pkeyplug_before_exit (void)
{
  enum pkeyplug_mode mode = pkeyrt_current_mode ();

  if (mode == PKEYPLUG_MODE_HW)
    pkeyrt_hw_lock_thread ();
  /* Emulated keys, in emulate mode or overflowing in hw mode.  */
  if (mode == PKEYPLUG_MODE_HW || mode == PKEYPLUG_MODE_EMULATE)
    pkeyrt_emulate_release_thread ();
}

/* glibc's registration of C++ thread_local destructors, and this module's
   handle for it.  */
extern int __cxa_thread_atexit_impl (void (*fn) (void *), void *obj,
				     void *dso_symbol);
extern void *__dso_handle __attribute__ ((visibility ("hidden")));

static void
lock_at_thread_exit (void *unused)
{
  (void) unused;
  __pkeyplug_before_exit ();
}

/* Lock the calling thread's keys when it calls exit or ends.  A
   destructor registered later (a thread_local object constructed
   afterwards) runs before this one.  */

void
pkeyrt_lock_at_thread_exit (void)
{
  __cxa_thread_atexit_impl (lock_at_thread_exit, NULL, &__dso_handle);
}

#ifdef PIC

/* Interposing needs the dynamic linker, so this is in the shared library
   only.  The C library's function is looked up at each call, not kept in
   a pointer anyone could rewrite.  */

typedef void exit_fn (int);
typedef void abort_fn (void);

static void *
next (const char *name)
{
  return dlsym (RTLD_NEXT, name);
}

PKEYRT_EXPORT void
exit (int status)
{
  exit_fn *real = (exit_fn *) next ("exit");

  __pkeyplug_before_exit ();
  if (!real)
    _exit (status);
  real (status);
  __builtin_unreachable ();
}

PKEYRT_EXPORT void
quick_exit (int status)
{
  exit_fn *real = (exit_fn *) next ("quick_exit");

  __pkeyplug_before_exit ();
  if (!real)
    _exit (status);
  real (status);
  __builtin_unreachable ();
}

/* Only a SIGABRT handler can see anything of the grant (abort runs no
   atexit handler), so without one nothing is locked: the runtime's own
   abort after a violation report (which resets SIGABRT first) may come
   while it holds pkeyrt_lock, which locking would take again.  */

PKEYRT_EXPORT void
abort (void)
{
  abort_fn *real = (abort_fn *) next ("abort");
  struct sigaction sa;

  if (sigaction (SIGABRT, NULL, &sa) != 0
      || (sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN))
    __pkeyplug_before_exit ();
  if (!real)
    {
      signal (SIGABRT, SIG_DFL);
      raise (SIGABRT);
      _exit (128 + SIGABRT);
    }
  real ();
  __builtin_unreachable ();
}

#endif /* PIC */
