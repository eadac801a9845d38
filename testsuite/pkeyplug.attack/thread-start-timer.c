/* A SIGEV_THREAD timer first created inside a grant: glibc starts one
   helper thread then, and each expiry runs the callback in a new thread
   that the helper creates, so every callback, long after the grant
   ended, would inherit the grant's rights.  The runtime makes the first
   call from a thread that starts locked, so that the helper and all its
   callbacks start with every key in its default state.  */
/* { dg-do run } */

#include <signal.h>
#include <string.h>
#include <time.h>
#include "thread-start.h"

static char saw[2][64];
static int fired;
static sem_t done;

static void
tick (union sigval v)
{
  static const char *const name[2] = { "callback 1", "callback 2" };

  (void) v;
  if (fired < 2)
    REPORT (saw[fired], name[fired]);
  fired++;
  sem_post (&done);
}

GRANT_BOTH static int
make_timer (timer_t *t)
{
  struct sigevent sev;
  char inside[64];

  memset (&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_THREAD;
  sev.sigev_notify_function = tick;
  REPORT (inside, "grant");
  puts (inside);
  return timer_create (CLOCK_MONOTONIC, &sev, t);
}

static void
fire_once (timer_t t)
{
  struct itimerspec its;

  memset (&its, 0, sizeof its);
  its.it_value.tv_nsec = 10 * 1000 * 1000;
  timer_settime (t, 0, &its, NULL);
  sem_wait (&done);
}

int
main (void)
{
  timer_t t;

  sem_init (&done, 0, 0);
  if (make_timer (&t) != 0)
    {
      perror ("timer_create");
      return 1;
    }
  fire_once (t);
  fire_once (t);
  timer_delete (t);
  printf ("%s\n%s\n", saw[0], saw[1]);
  return 0;
}
/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "callback 1: vault none, table read\n" } */
/* { dg-output "callback 2: vault none, table read\n" } */
