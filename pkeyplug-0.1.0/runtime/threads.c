/* threads.c -- rights of threads that start or end inside a grant.

   A new thread inherits its creator's PKRU, so a thread created inside a
   granting function would start with the key open and keep it for good
   (no exit gate of its own ever closes it).  The runtime's pthread_create
   starts each thread through locked_start, which first locks every key to
   its policy, and gives it a slot in the ledger of sealed gates.  This
   interposition needs the dynamic linker: it is built into the shared
   library only, not into libpkeyrt.a.

   In emulate mode a thread's rights are virtual (emulate.c) and start at
   none, but a thread that ends while it holds a grant (pthread_exit or
   cancellation inside a granting function) would leave its count behind
   and the pages open for everyone; a thread-specific destructor gives its
   grants back.  */

#include "pkeyrt.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>

/* Set this thread's PKRU bits of every key to the key's policy.  */

void
pkeyrt_hw_lock_thread (void)
{
  uint32_t old = pkeyrt_rdpkru (), pkru = old, i;

  for (i = 0; i < pkeyrt_nkeys; i++)
    {
      const struct pkeyrt_key *key = &pkeyrt_keys[i];
      unsigned int shift = 2 * (unsigned int) key->hw_key;
      uint32_t rights = pkeyrt_policy_rights (key->policy);

      if (key->hw_key > 0)
	pkru = (pkru & ~(3u << shift)) | (rights << shift);
    }
  if (pkru != old)
    pkeyrt_wrpkru (pkru);
}

/* Emulate mode: give back the grants of a thread that ends.  */

static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void
release_on_exit (void *unused)
{
  (void) unused;
  pkeyrt_emulate_release_thread ();
}

static void
make_exit_key (void)
{
  pthread_key_create (&exit_key, release_on_exit);
}

/* Called by the emulation when this thread takes its first grant.  */

void
pkeyrt_watch_thread_exit (void)
{
  pthread_once (&exit_key_once, make_exit_key);
  pthread_setspecific (exit_key, (void *) 1);
}

#ifdef PIC

struct thread_start
{
  void *(*fn) (void *);
  void *arg;
};

static void
release_slot (void *unused)
{
  (void) unused;
  pkeyrt_seal_release ();
}

static void *
locked_start (void *p)
{
  struct thread_start start = *(struct thread_start *) p;
  void *ret;

  free (p);
  pkeyrt_hw_lock_thread ();
  /* Sealed gates: a slot in the ledger, given back however the thread
     ends (return, pthread_exit, cancellation).  */
  pkeyrt_seal_claim ();
  pthread_cleanup_push (release_slot, NULL);
  ret = start.fn (start.arg);
  pthread_cleanup_pop (1);
  return ret;
}

typedef int pthread_create_fn (pthread_t *, const pthread_attr_t *,
			       void *(*) (void *), void *);

PKEYRT_EXPORT int
pthread_create (pthread_t *thread, const pthread_attr_t *attr,
		void *(*fn) (void *), void *arg)
{
  static pthread_create_fn *real;
  struct thread_start *start;
  int err;

  if (!real)
    {
      real = (pthread_create_fn *) dlsym (RTLD_NEXT, "pthread_create");
      if (!real)
	return EAGAIN;
    }
  if (__atomic_load_n (&pkeyrt_mode, __ATOMIC_ACQUIRE) != PKEYPLUG_MODE_HW)
    return real (thread, attr, fn, arg);
  start = malloc (sizeof *start);
  if (!start)
    return EAGAIN;
  start->fn = fn;
  start->arg = arg;
  err = real (thread, attr, locked_start, start);
  if (err != 0)
    free (start);
  return err;
}

#endif /* PIC */
