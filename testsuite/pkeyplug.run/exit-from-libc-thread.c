/* exit-from-libc.c on a second thread, started by the program's own
   pthread_create (the plugin sends it to the runtime): error () called
   inside a grant there runs the atexit handlers on that thread, and they
   must find the key locked, in both modes.  The thread-local destructor
   that locks first is registered by the runtime's thread trampoline,
   which emulate mode once skipped: the handler then read the secret.  */
/* { dg-do run } */

#include <error.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "probe.h"
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

  atexit (at_exit);
  if (pthread_create (&t, NULL, worker, NULL) != 0)
    return 2;
  pthread_join (t, NULL);
  return 1;
}
/* { dg-exit-status 8 } */
/* { dg-output "giving up with secret 1\n.*atexit: locked 1\n$" } */
