/* sigsys.c -- harden=1: SIGSYS stays deliverable.

   Under harden=1 every open raises SIGSYS (opener.c).  The kernel cannot
   deliver a SIGSYS from seccomp to a thread that blocks it: it resets the
   action to the default and kills the process.  Threads that block every
   signal are common (workers that leave signals to one thread), and so
   are handlers installed with a full sa_mask; their first open would end
   the program.  Once the filter is in, the shared runtime's
   sigprocmask, pthread_sigmask and sigaction take SIGSYS out of the sets
   they are given to block.  Code that blocks signals with its own system
   call, and a static program (no interposition), still can: README says
   so.  */

#include "pkeyrt.h"

#include <dlfcn.h>
#include <errno.h>
#include <signal.h>

#ifdef PIC

/* SET without SIGSYS, in *COPY, once the filter is in.  */

static const sigset_t *
without_sigsys (const sigset_t *set, sigset_t *copy)
{
  if (set == NULL || !pkeyrt_harden_active () || !sigismember (set, SIGSYS))
    return set;
  *copy = *set;
  sigdelset (copy, SIGSYS);
  return copy;
}

typedef int mask_fn (int, const sigset_t *, sigset_t *);
typedef int action_fn (int, const struct sigaction *, struct sigaction *);

static mask_fn *real_sigprocmask, *real_pthread_sigmask;
static action_fn *real_sigaction;

static void *
next (const char *name)
{
  void *f = dlsym (RTLD_NEXT, name);

  /* Nothing after us: libpkeyrt came in as a library's dependency,
     after the C library, whose definition is then the first one (and
     these wrappers are not reached by the program's calls).  */
  if (f == NULL)
    f = dlsym (RTLD_DEFAULT, name);
  if (f == NULL)
    pkeyrt_abort ("cannot find the C library's %s", name);
  return f;
}

/* Early, so that no signal handler's first call runs dlsym (which is not
   async-signal-safe); a call before this constructor looks them up
   itself.  */
static void __attribute__ ((constructor))
find_real (void)
{
  if (real_sigprocmask == NULL)
    real_sigprocmask = (mask_fn *) next ("sigprocmask");
  if (real_pthread_sigmask == NULL)
    real_pthread_sigmask = (mask_fn *) next ("pthread_sigmask");
  if (real_sigaction == NULL)
    real_sigaction = (action_fn *) next ("sigaction");
}

PKEYRT_EXPORT int
sigprocmask (int how, const sigset_t *set, sigset_t *old)
{
  sigset_t copy;

  if (real_sigprocmask == NULL)
    find_real ();
  if (how != SIG_UNBLOCK)
    set = without_sigsys (set, &copy);
  return real_sigprocmask (how, set, old);
}

PKEYRT_EXPORT int
pthread_sigmask (int how, const sigset_t *set, sigset_t *old)
{
  sigset_t copy;

  if (real_pthread_sigmask == NULL)
    find_real ();
  if (how != SIG_UNBLOCK)
    set = without_sigsys (set, &copy);
  return real_pthread_sigmask (how, set, old);
}

PKEYRT_EXPORT int
sigaction (int sig, const struct sigaction *act, struct sigaction *old)
{
  struct sigaction copy;

  if (real_sigaction == NULL)
    find_real ();
  if (act != NULL && pkeyrt_harden_active ()
      && sigismember (&act->sa_mask, SIGSYS))
    {
      copy = *act;
      sigdelset (&copy.sa_mask, SIGSYS);
      act = &copy;
    }
  return real_sigaction (sig, act, old);
}

#endif /* PIC */
