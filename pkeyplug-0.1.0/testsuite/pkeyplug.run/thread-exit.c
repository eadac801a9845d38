/* A thread that ends inside a granting function (pthread_exit) leaves no
   key open behind it.  In emulate mode its grant used to stay counted and
   the pages open for every thread; in hw mode its PKRU dies with it.  */
/* { dg-do run } */

#include <pthread.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 3;

PKEY_GRANT ("vault") static void
use_and_quit (void)
{
  secret++;
  pthread_exit (NULL);
}

static void *
worker (void *arg)
{
  (void) arg;
  use_and_quit ();
  return NULL;
}

int
main (void)
{
  pthread_t t;
  pthread_create (&t, NULL, worker, NULL);
  pthread_join (t, NULL);
  int open = CAN_READ (secret);
  printf ("open after the thread ended: %d\n", open);
  return open;
}
/* { dg-output "open after the thread ended: 0" } */
