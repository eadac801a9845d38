/* A thread that pthread_create started ends with pthread_exit inside a
   grant, after the main thread has left with pthread_exit: it is the
   last, and the C library calls exit from inside it.  The atexit
   handler runs with the key locked.  (The runtime's pthread_create gives
   each thread the locking destructor; a static link does not pass
   through it: see the README.)  */
/* { dg-do run } */

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

PKEY_GRANT ("vault") static void *
worker (void *arg)
{
  secret++;
  pthread_exit (arg);
}

int
main (void)
{
  pthread_t t;

  atexit (at_exit);
  if (pthread_create (&t, NULL, worker, NULL) != 0)
    return 2;
  pthread_exit (NULL);
}
/* { dg-output "^atexit: locked 1\n$" } */
