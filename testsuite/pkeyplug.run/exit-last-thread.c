/* The main thread ends with pthread_exit inside a grant after the other
   thread has ended: the C library then calls exit itself, from inside,
   where neither the plugin nor an interposed exit sees it.  The atexit
   handler runs with the key locked (the runtime locks the thread's keys
   in a thread-local destructor, which glibc runs before).  Without
   -fexceptions the grant's exit gate does not run on pthread_exit.  */
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

static void *
worker (void *arg)
{
  return arg;
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
leave (void)
{
  secret++;
  pthread_exit (NULL);
}

int
main (void)
{
  pthread_t t;

  atexit (at_exit);
  if (pthread_create (&t, NULL, worker, NULL) != 0
      || pthread_join (t, NULL) != 0)
    return 2;
  leave ();
  return 1;
}
/* { dg-output "^atexit: locked 1\n$" } */
