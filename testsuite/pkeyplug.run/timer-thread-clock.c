/* A timer on the calling thread's CPU clock, created inside a grant, still
   measures the caller's CPU time: in hw mode the runtime makes the call
   from a thread of its own (so that glibc's helper threads start locked),
   and CLOCK_THREAD_CPUTIME_ID must not become that thread's clock.  */
/* { dg-do run } */

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
static volatile sig_atomic_t fired;

static void
on_alarm (int sig)
{
  (void) sig;
  fired = 1;
}

PKEY_GRANT ("vault") static int
make_timer (timer_t *t)
{
  struct sigevent sev;

  memset (&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_SIGNAL;
  sev.sigev_signo = SIGUSR1;
  return timer_create (CLOCK_THREAD_CPUTIME_ID, &sev, t);
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (void)
{
  struct itimerspec its;
  timer_t t;
  double start;

  signal (SIGUSR1, on_alarm);
  if (make_timer (&t) != 0)
    {
      perror ("timer_create");
      return 1;
    }
  memset (&its, 0, sizeof its);
  its.it_value.tv_nsec = 20 * 1000 * 1000;
  if (timer_settime (t, 0, &its, NULL) != 0)
    {
      perror ("timer_settime");
      return 1;
    }
  /* At most 2 s of this thread's CPU time.  */
  start = cpu_seconds ();
  while (!fired && cpu_seconds () - start < 2.0)
    ;
  printf ("fired on this thread's CPU time: %d\n", (int) fired);
  return !fired;
}
/* { dg-output "fired on this thread's CPU time: 1\n" } */
