/* Rounds that give older threads the rights of new keys (sync.c) meet
   fork: one thread forks again and again while the main thread makes new
   heap keys, each a round that signals the forking thread.  Nothing may
   deadlock (a timeout is a FAIL), and each child, one thread of its own,
   must be able to make a new key too, even when it was forked in the
   middle of a round.  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "expect.h"
#include <pkeyplug.h>

#define KEYS 6

static volatile int done;
static volatile int forks;
static int children_ok;

static void *
forker (void *arg)
{
  (void) arg;
  while (!done)
    {
      int status;
      pid_t pid = fork ();

      if (pid == 0)
	_exit (pkeyplug_malloc ("child", 16) != NULL ? 0 : 1);
      if (pid < 0)
	break;
      forks++;
      if (waitpid (pid, &status, 0) == pid && WIFEXITED (status)
	  && WEXITSTATUS (status) == 0)
	children_ok++;
    }
  return NULL;
}

int
main (void)
{
  static const char *const names[KEYS] = { "k1", "k2", "k3", "k4", "k5",
					   "k6" };
  pthread_t t;
  int i, made = 0;

  pthread_create (&t, NULL, forker, NULL);
  for (i = 0; i < KEYS; i++)
    made += pkeyplug_malloc (names[i], 32) != NULL;
  /* At least one fork after the last round.  */
  while (forks < 2)
    sched_yield ();
  done = 1;
  pthread_join (t, NULL);
  expect (made == KEYS, "every key made");
  expect (children_ok == forks, "every child made a key of its own");
  printf ("failures %d\n", failures);
  return failures;
}
/* { dg-output "^failures 0\n$" } */
