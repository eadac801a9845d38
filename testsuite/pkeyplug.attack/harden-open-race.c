/* harden=1, the race of issue 12 item 1: while the main thread keeps
   asking for /proc/self/mem (read-write, then read-only), two threads and
   a 1 ms timer signal pread and pwrite at the secret's address through
   every descriptor number from 3 to 63.  Formerly the SIGSYS handler
   opened the file in the shared table before checking it, and a pwrite
   slipped into that moment; now no descriptor of our memory exists in
   the table at any time.  Bounded to 2 seconds.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include "reach.h"

static volatile int stop;
static int leaked, landed;

static void
hammer_once (void)
{
  int fd;

  for (fd = 3; fd < 64; fd++)
    {
      int r = reach (fd);

      if (r & 1)
	__atomic_add_fetch (&leaked, 1, __ATOMIC_RELAXED);
      if (r & 2)
	__atomic_add_fetch (&landed, 1, __ATOMIC_RELAXED);
    }
}

static void *
hammer (void *arg)
{
  (void) arg;
  while (!stop)
    hammer_once ();
  return NULL;
}

static void
on_alarm (int sig)
{
  (void) sig;
  hammer_once ();
}

static double
now (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int
main (void)
{
  struct itimerval every_ms = { { 0, 1000 }, { 0, 1000 } }, off = { 0 };
  pthread_t t[2];
  int i, tries = 0, got_rw = 0, got_ro = 0;
  double end = now () + 2;

  signal (SIGALRM, on_alarm);
  for (i = 0; i < 2; i++)
    pthread_create (&t[i], NULL, hammer, NULL);
  setitimer (ITIMER_REAL, &every_ms, NULL);
  while (now () < end)
    {
      int fd = open ("/proc/self/mem", O_RDWR);

      if (fd >= 0)
	{
	  got_rw++;
	  close (fd);
	}
      fd = open ("/proc/self/mem", O_RDONLY);
      if (fd >= 0)
	{
	  got_ro++;
	  close (fd);
	}
      tries++;
    }
  setitimer (ITIMER_REAL, &off, NULL);
  stop = 1;
  for (i = 0; i < 2; i++)
    pthread_join (t[i], NULL);
  printf ("tries %s\n", tries > 0 ? "made" : "none");
  printf ("read-write opens that worked: %d\n", got_rw);
  printf ("read-only opens that worked: %d\n", got_ro);
  printf ("reads that got the secret: %d\n", leaked);
  printf ("writes that landed: %d\n", landed);
  return verdict ();
}
/* { dg-output "tries made\n" } */
/* { dg-output "read-write opens that worked: 0\n" } */
/* { dg-output "read-only opens that worked: 0\n" } */
/* { dg-output "reads that got the secret: 0\n" } */
/* { dg-output "writes that landed: 0\n" } */
/* { dg-output "locked 1, intact 1\n" } */
