/* A signal handler runs granting functions while the interrupted thread
   may be anywhere, also inside the runtime's slow path with its lock
   held: in emulate mode that lock is only held with signals blocked, so
   the handler never waits for its own thread.  A second thread sends
   SIGUSR1 to the main thread until the main loop has run its grants and
   seen enough handler runs; the handler uses the main loop's key and
   another one.  It must finish (a deadlock is a timeout, a FAIL), with
   every count right and nothing left open.  No timing: the loop is
   bounded by counts alone.  The sender waits for each signal to be
   handled and for the main loop to go on before it sends the next: a
   sender that never waits can keep the main thread in its handler, one
   signal after the other, and starve the loop.  */
/* { dg-do run } */

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include "probe.h"
#include "expect.h"
#include <pkeyplug.h>

#define LOOPS 20000
#define HANDLED 2000
#define MAX_LOOPS 100000000L

long vault_count PKEY_PROTECT ("vault");
/* The handler counts apart: an increment of vault_count it made between
   the main loop's load and store would be lost.  */
long vault_handler_count PKEY_PROTECT ("vault");
long other_count PKEY_PROTECT ("other");
static volatile sig_atomic_t handled;
static volatile int done;
static volatile long progress;
static pthread_t main_thread;

PKEY_GRANT ("vault") static void
bump_vault (void)
{
  vault_count++;
}

PKEY_GRANT ("vault") static void
bump_vault_in_handler (void)
{
  vault_handler_count++;
}

PKEY_GRANT ("other") static void
bump_other (void)
{
  other_count++;
}

PKEY_GRANT ("vault") PKEY_GRANT_READ ("other") static void
totals (long *v, long *h, long *o)
{
  *v = vault_count;
  *h = vault_handler_count;
  *o = other_count;
}

static void
on_usr1 (int sig)
{
  (void) sig;
  bump_vault_in_handler ();
  bump_other ();
  handled++;
}

static void *
sender (void *arg)
{
  (void) arg;
  while (!done)
    {
      sig_atomic_t seen = handled;
      long at = progress;

      pthread_kill (main_thread, SIGUSR1);
      while (!done && handled == seen)
	sched_yield ();
      while (!done && progress < at + 3)
	sched_yield ();
    }
  return NULL;
}

int
main (void)
{
  struct sigaction sa;
  pthread_t t;
  long i, v, h, o, loops = 0;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigemptyset (&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction (SIGUSR1, &sa, NULL);
  main_thread = pthread_self ();
  pthread_create (&t, NULL, sender, NULL);

  for (i = 0; (i < LOOPS || handled < HANDLED) && i < MAX_LOOPS; i++)
    {
      bump_vault ();
      progress = i;
    }
  loops = i;

  /* No more signals: stop the sender, then let the last one land.  */
  done = 1;
  pthread_join (t, NULL);
  sa.sa_handler = SIG_IGN;
  sigaction (SIGUSR1, &sa, NULL);

  totals (&v, &h, &o);
  expect (loops < MAX_LOOPS, "enough signals arrived");
  expect (v == loops && h == handled, "vault counts add up");
  expect (o == handled, "other count adds up");
  expect (!CAN_READ (vault_count) && !CAN_READ (other_count),
	  "both keys locked at the end");
  printf ("failures %d\n", failures);
  return failures;
}
/* { dg-output "^failures 0\n$" } */
