/* The limit of sealed gates with glibc's callback threads: a SIGEV_THREAD
   timer's callback runs in a thread that glibc's helper creates, which
   the runtime does not start and which so has no slot in the ledger.  It
   starts locked, but its first sealed gate traps (SIGILL, status 132):
   the policy holds, the callback cannot take a sealed grant.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-options "-fplugin-arg-pkeyplug-gates=sealed" } */
/* { dg-exit-status 132 } */

#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 7;
static sem_t done;

PKEY_GRANT ("vault") __attribute__ ((noinline)) static int
bump (void)
{
  return ++secret;
}

static void
tick (union sigval v)
{
  (void) v;
  printf ("callback takes a sealed grant\n");
  fflush (stdout);
  printf ("callback got %d\n", bump ());
  sem_post (&done);
}

int
main (void)
{
  struct itimerspec its;
  struct sigevent sev;
  timer_t t;

  sem_init (&done, 0, 0);
  printf ("main thread: %d\n", bump ());
  fflush (stdout);
  memset (&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_THREAD;
  sev.sigev_notify_function = tick;
  memset (&its, 0, sizeof its);
  its.it_value.tv_nsec = 10 * 1000 * 1000;
  if (timer_create (CLOCK_MONOTONIC, &sev, &t) != 0
      || timer_settime (t, 0, &its, NULL) != 0)
    return 1;
  sem_wait (&done);
  return 0;
}
/* { dg-output "main thread: 8\n" } */
/* { dg-output "callback takes a sealed grant\n$" } */
