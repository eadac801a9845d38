/* PKRU is per thread: in hw mode one thread's grant does not open the key
   for another thread (emulate mode cannot do this: it is process-wide).  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#include <pthread.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
static pthread_barrier_t inside, checked;
static int other_could_read = -1;

static void *
other (void *arg)
{
  (void) arg;
  pthread_barrier_wait (&inside);
  other_could_read = CAN_READ (secret);
  pthread_barrier_wait (&checked);
  return NULL;
}

PKEY_GRANT ("vault") static int
hold_while_other_checks (void)
{
  pthread_barrier_wait (&inside);
  pthread_barrier_wait (&checked);
  return CAN_READ (secret);
}

int
main (void)
{
  pthread_t t;
  pthread_barrier_init (&inside, NULL, 2);
  pthread_barrier_init (&checked, NULL, 2);
  pthread_create (&t, NULL, other, NULL);
  int mine = hold_while_other_checks ();
  pthread_join (t, NULL);
  printf ("holder reads %d, other thread reads %d\n", mine, other_could_read);
  return !(mine == 1 && other_could_read == 0);
}
/* { dg-output "holder reads 1, other thread reads 0" } */
