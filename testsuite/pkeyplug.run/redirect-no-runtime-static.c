/* A unit without keys in a static program: no unit registers, so nothing
   of libpkeyrt.a is linked, and the plugin's redirected calls of the
   functions that start threads must fall back to the C library's own
   (their weak references to the runtime are null).  */
/* { dg-do run } */
/* { dg-options "-static" } */

#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <threads.h>
#include <time.h>

/* pkeyplug.h's, weakly: present only if libpkeyrt.a was linked.  */
extern int pkeyplug_key_count (void) __attribute__ ((weak));

static char stack[64 * 1024] __attribute__ ((aligned (16)));

static void *posix_child (void *p) { return p; }
static int c11_child (void *p) { return (int) (long) p; }
static int clone_child (void *p) { return (int) (long) p; }

int
main (void)
{
  int (*create) (pthread_t *, const pthread_attr_t *, void *(*) (void *),
		 void *) = pthread_create;
  struct sigevent sev;
  pthread_t p;
  thrd_t c;
  timer_t t;
  void *r;
  int res, status;
  pid_t pid;

  printf ("runtime linked: %d\n", pkeyplug_key_count != 0);
  create (&p, NULL, posix_child, (void *) 1L);
  pthread_join (p, &r);
  thrd_create (&c, c11_child, (void *) 2L);
  thrd_join (c, &res);
  pid = clone (clone_child, stack + sizeof stack, SIGCHLD, (void *) 3L);
  waitpid (pid, &status, 0);
  memset (&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_NONE;
  printf ("%ld %d %d %d\n", (long) r, res, WEXITSTATUS (status),
	  timer_create (CLOCK_MONOTONIC, &sev, &t));
  return 0;
}
/* { dg-output "runtime linked: 0\n" } */
/* { dg-output "1 2 3 0\n" } */
