/* A thread cancelled while it waits inside a granting function leaves no
   key open (emulate mode gives its grant back when it ends; in hw mode
   its PKRU ends with it).  */
/* { dg-do run } */

#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 3;
static pthread_barrier_t started;

PKEY_GRANT ("vault") static void
wait_inside (void)
{
  secret++;
  pthread_barrier_wait (&started);
  for (;;)
    pause ();			/* a cancellation point */
}

static void *
worker (void *arg)
{
  (void) arg;
  wait_inside ();
  return NULL;
}

int
main (void)
{
  pthread_t t;
  pthread_barrier_init (&started, NULL, 2);
  pthread_create (&t, NULL, worker, NULL);
  pthread_barrier_wait (&started);
  pthread_cancel (t);
  void *res;
  pthread_join (t, &res);
  printf ("cancelled %d, open after: %d\n", res == PTHREAD_CANCELED,
	  CAN_READ (secret));
  return CAN_READ (secret);
}
/* { dg-output "cancelled 1, open after: 0" } */
