/* ThreadSanitizer and a thread the plugin's code starts (its
   pthread_create, redirected to the runtime, which sends it through
   ThreadSanitizer's interceptor with the runtime's trampoline as the
   thread function, run inside ThreadSanitizer's start).  The thread
   calls error () inside a grant: exit runs from inside the C library,
   where neither the plugin's locking nor the interposed exit reaches;
   the thread-local destructor the trampoline registered locks the
   thread's keys before the atexit handler runs on it, in both modes.  A
   thread started by code without the plugin: tsan-thread-exit.c.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=thread -rdynamic" } */
/* { dg-env TSAN_OPTIONS "" } */

#include <error.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static void
at_exit (void)
{
  printf ("atexit: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
fail (void)
{
  fflush (stdout);
  error (8, 0, "giving up with secret %d", secret);
}

static void *
worker (void *arg)
{
  (void) arg;
  fail ();
  return NULL;
}

int
main (void)
{
  pthread_t t;

  printf ("mode %s\n", pkeyplug_mode_name (pkeyplug_mode ()));
  atexit (at_exit);
  if (pthread_create (&t, NULL, worker, NULL) != 0)
    return 2;
  pthread_join (t, NULL);
  return 1;
}
/* { dg-exit-status 8 } */
/* { dg-output "mode \[a-z\]+\n" } */
/* { dg-output "\[^\n\]*: giving up with secret 1\n" } */
/* { dg-output "atexit: locked 1\n" } */
