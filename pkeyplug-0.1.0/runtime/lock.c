/* lock.c -- pkeyrt_lock, the lock of the key table and of the emulation's
   holder counts.

   Emulate-mode gates take it on their slow path, and a signal handler may
   run a granting function: had the handler's thread been interrupted while
   holding the lock, the handler would wait for itself forever.  So the
   lock is only ever held with every signal blocked: a handler can never
   start on a thread that holds it.  The nested fast path of the gates
   takes no lock and blocks nothing, so it stays free of system calls.

   The raw pair takes the mutex alone, for the SIGSEGV and SIGTRAP handlers
   of step.c, which run with signals blocked already and keep them blocked
   while they hold it.  */

#include "pkeyrt.h"

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;

/* The forking thread's signal mask, between the fork handlers.  Written
   with the mutex held, so concurrent forks do not mix theirs up.  */
static sigset_t fork_old;

void
pkeyrt_lock (pkeyrt_lock_state *st)
{
  sigset_t all;

  sigfillset (&all);
  pthread_sigmask (SIG_BLOCK, &all, &st->old);
  pthread_mutex_lock (&mutex);
}

void
pkeyrt_unlock (const pkeyrt_lock_state *st)
{
  pthread_mutex_unlock (&mutex);
  pthread_sigmask (SIG_SETMASK, &st->old, NULL);
}

void
pkeyrt_lock_raw (void)
{
  pthread_mutex_lock (&mutex);
}

void
pkeyrt_unlock_raw (void)
{
  pthread_mutex_unlock (&mutex);
}

/* pthread_atfork handlers: the child must find the lock free, and no
   signal may run a gate in the forking thread in between.  */

void
pkeyrt_lock_for_fork (void)
{
  pkeyrt_lock_state st;

  pkeyrt_lock (&st);
  fork_old = st.old;
}

void
pkeyrt_unlock_after_fork (void)
{
  pkeyrt_lock_state st;

  st.old = fork_old;
  pkeyrt_unlock (&st);
}
