/* Eight threads, 100,000 grants each, on one key: no spurious fault, the
   counter adds up (the grant serialises nothing: a lock does), and no
   access leaks out of the grants.  */
/* { dg-do run } */

#include <pthread.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

#define THREADS 8
#define GRANTS 100000

long counter PKEY_PROTECT ("vault");
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int leaked;

PKEY_GRANT ("vault") static void
bump (void)
{
  pthread_mutex_lock (&lock);
  counter++;
  pthread_mutex_unlock (&lock);
}

PKEY_GRANT ("vault") static long
get (void)
{
  return counter;
}

static void *
worker (void *arg)
{
  (void) arg;
  for (int i = 0; i < GRANTS; i++)
    bump ();
  return NULL;
}

int
main (void)
{
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; i++)
    pthread_create (&t[i], NULL, worker, NULL);
  for (int i = 0; i < THREADS; i++)
    pthread_join (t[i], NULL);
  leaked = CAN_READ (counter);
  printf ("counter %ld, leaked %d\n", get (), leaked);
  return !(get () == (long) THREADS * GRANTS && !leaked);
}
/* { dg-output "counter 800000, leaked 0" } */
