/* thread-start.c -- what starting threads with every key locked costs.

   Times, outside a grant and inside one, a pthread_create + pthread_join
   and a thrd_create + thrd_join (the runtime's trampoline locks the new
   thread), and a SIGEV_THREAD timer_create + timer_delete (inside a grant
   the runtime makes the call from a thread of its own).  Prints the
   median of RUNS runs of ITERS operations each, in microseconds per
   operation.  Built and run by hand (see the ChangeLog entry that added
   it):

     gcc -fplugin=.libs/pkeyplug.so -Iinclude -O2 bench/thread-start.c \
	 -o thread-start -L.libs -Wl,-rpath,$PWD/.libs -lpkeyrt
     ./thread-start [RUNS [ITERS]]     (vm/pkeyplug-vm ./thread-start: hw)  */

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>
#include <pkeyplug.h>

int bench_secret PKEY_PROTECT ("bench") = 1;

static void *posix_child (void *p) { return p; }
static int c11_child (void *p) { (void) p; return 0; }
static void on_timer (union sigval v) { (void) v; }

static void
posix_once (void)
{
  pthread_t t;

  pthread_create (&t, NULL, posix_child, NULL);
  pthread_join (t, NULL);
}

static void
c11_once (void)
{
  thrd_t t;

  thrd_create (&t, c11_child, NULL);
  thrd_join (t, NULL);
}

static void
timer_once (void)
{
  struct sigevent sev;
  timer_t t;

  memset (&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_THREAD;
  sev.sigev_notify_function = on_timer;
  if (timer_create (CLOCK_MONOTONIC, &sev, &t) == 0)
    timer_delete (t);
}

/* Run OP ITERS times, inside a grant of key "bench" or not.  */

static void
loop (void (*op) (void), long iters)
{
  for (long i = 0; i < iters; i++)
    op ();
}

PKEY_GRANT ("bench") __attribute__ ((noinline)) static void
loop_granted (void (*op) (void), long iters)
{
  loop (op, iters);
}

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
by_value (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
row (const char *name, void (*op) (void), int granted, int runs, long iters)
{
  double t[101];

  for (int r = 0; r < runs; r++)
    {
      double start = now_us ();
      if (granted)
	loop_granted (op, iters);
      else
	loop (op, iters);
      t[r] = (now_us () - start) / iters;
    }
  qsort (t, runs, sizeof t[0], by_value);
  printf ("%-28s %s  %8.2f us\n", name, granted ? "inside " : "outside",
	  t[runs / 2]);
}

int
main (int argc, char **argv)
{
  int runs = argc > 1 ? atoi (argv[1]) : 11;
  long iters = argc > 2 ? atol (argv[2]) : 200;

  if (runs < 1 || runs > 101 || iters < 1)
    return 2;
  printf ("mode %s, median of %d runs of %ld\n",
	  pkeyplug_mode_name (pkeyplug_mode ()), runs, iters);
  for (int granted = 0; granted < 2; granted++)
    {
      row ("pthread_create + join", posix_once, granted, runs, iters);
      row ("thrd_create + join", c11_once, granted, runs, iters);
      row ("timer_create + delete", timer_once, granted, runs, iters);
    }
  return 0;
}
