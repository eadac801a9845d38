/* fault.c -- the runtime's SIGSEGV handler, and who gets each fault.

   The handler asks two questions, each through a function handed to it
   from above: is this fault one of the runtime's own probes (verify.c,
   for the time it holds pkeyrt_handler_claim), and is it a violation of
   a key (report.c, handed over at start-up)?  Any other fault goes to
   whatever action was installed before ours, or gets the default
   action.  The handler lives here, below both, so that the probes need
   not call up into the report.  */

#include "pkeyrt.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

/* The SIGSEGV action in force before ours.  */
static struct sigaction previous;

/* The program's own SIGSEGV action, installed after ours, while a probe
   (verify.c) runs with ours put back in front of it; see
   pkeyrt_handler_claim.  */
static struct sigaction displaced;
static volatile sig_atomic_t displacing;
static pthread_mutex_t claim_lock = PTHREAD_MUTEX_INITIALIZER;

/* The first question the handler asks, set by pkeyrt_handler_claim:
   verify.c's, is this fault one of its probes?  */
static pkeyrt_probe_fault_fn *probe_fault;

/* The second, set at start-up: report.c's, is this a violation?  */
static pkeyrt_probe_fault_fn *violation_fault;

/* Hand a fault that is not ours to the previous action.  */

static void
chain (int sig, siginfo_t *info, void *ctx)
{
  const struct sigaction *to = displacing ? &displaced : &previous;

  if (to->sa_handler == SIG_DFL || to->sa_handler == SIG_IGN)
    {
      struct sigaction dfl;

      /* Returning makes a hardware fault happen again, now with the
	 default action (a kernel fault cannot be ignored anyway).  A sent
	 signal would not come back: send it again.  */
      memset (&dfl, 0, sizeof dfl);
      dfl.sa_handler = SIG_DFL;
      sigemptyset (&dfl.sa_mask);
      sigaction (sig, &dfl, NULL);
      if (info == NULL || info->si_code <= 0)
	raise (sig);
    }
  else if (to->sa_flags & SA_SIGINFO)
    to->sa_sigaction (sig, info, ctx);
  else
    to->sa_handler (sig);
}

static void
segv_handler (int sig, siginfo_t *info, void *ctx)
{
  int saved_errno = errno;

  pkeyrt_probe_fault_fn *probe = probe_fault;

  if (probe != NULL && probe (info, ctx))
    {
      errno = saved_errno;
      return;
    }

  if (violation_fault != NULL && violation_fault (info, ctx))
    {
      errno = saved_errno;
      return;
    }
  chain (sig, info, ctx);
  errno = saved_errno;
}

/* Our SIGSEGV action.  SA_ONSTACK: a program with an alternate stack
   expects its stack overflows to be handled there.  */

static void
our_action (struct sigaction *sa)
{
  memset (sa, 0, sizeof *sa);
  sa->sa_sigaction = segv_handler;
  sigemptyset (&sa->sa_mask);
  sa->sa_flags = SA_SIGINFO | SA_ONSTACK;
}

/* Install the handler, with VIOLATION as the question it asks after the
   probes', keeping the previous action to chain to.  */

void
pkeyrt_install_handler (pkeyrt_probe_fault_fn *violation)
{
  struct sigaction sa;

  violation_fault = violation;

  our_action (&sa);
  if (sigaction (SIGSEGV, &sa, &previous) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "cannot install the SIGSEGV handler: "
		  "%s", strerror (errno));
}

/* Make sure our handler is in force for a probe (verify.c), until
   pkeyrt_handler_release, and that it asks PROBE first whether a fault
   is the probe's.  The program may have installed its own handler since
   we started: then ours goes back in front of it for the probe, and
   faults that are not ours go to the program's meanwhile.  Probes take
   turns, so that one never puts the program's handler back under
   another.  Return 1 if ours had to go back.  */

int
pkeyrt_handler_claim (pkeyrt_probe_fault_fn *probe)
{
  struct sigaction cur, sa;

  pthread_mutex_lock (&claim_lock);
  probe_fault = probe;
  if (sigaction (SIGSEGV, NULL, &cur) != 0
      || ((cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == segv_handler))
    return 0;
  displaced = cur;
  displacing = 1;
  our_action (&sa);
  if (sigaction (SIGSEGV, &sa, NULL) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "cannot install the SIGSEGV handler: "
		  "%s", strerror (errno));
  return 1;
}

/* End what pkeyrt_handler_claim began; CLAIMED is what it returned.  */

void
pkeyrt_handler_release (int claimed)
{
  if (claimed)
    {
      sigaction (SIGSEGV, &displaced, NULL);
      displacing = 0;
    }
  pthread_mutex_unlock (&claim_lock);
}
