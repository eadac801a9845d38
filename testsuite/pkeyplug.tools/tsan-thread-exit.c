/* The exact limit: ThreadSanitizer and a thread started by code compiled
   without the plugin (here: pthread_create found with dlsym, which is
   ThreadSanitizer's interceptor, as a library's call would be).  The
   thread calls error () inside a grant: exit runs from inside the C
   library, where neither the plugin's locking nor the interposed exit
   reaches, and the atexit handler runs on that thread.  A thread the
   plugin's code starts gets a thread-local destructor that locks its
   keys first (tsan-thread-exit-plugin.c); this one starts inside
   ThreadSanitizer's start function, before which registering it would
   allocate on a thread ThreadSanitizer does not know yet, so it has none
   and the handler reads the secret: locked 0, in both modes (in emulate
   mode the trampoline runs there too, for the same destructor).  */
/* { dg-do run } */
/* { dg-options "-fsanitize=thread -rdynamic" } */
/* { dg-env TSAN_OPTIONS "" } */

#include <dlfcn.h>
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
  typedef int create_fn (pthread_t *, const pthread_attr_t *,
			 void *(*) (void *), void *);
  create_fn *create = (create_fn *) dlsym (RTLD_DEFAULT, "pthread_create");
  pthread_t t;

  printf ("mode %s\n", pkeyplug_mode_name (pkeyplug_mode ()));
  atexit (at_exit);
  if (create (&t, NULL, worker, NULL) != 0)
    return 2;
  pthread_join (t, NULL);
  return 1;
}
/* { dg-exit-status 8 } */
/* { dg-output "mode \[a-z\]+\n" } */
/* { dg-output "\[^\n\]*: giving up with secret 1\n" } */
/* { dg-output "atexit: locked 0\n" } */
