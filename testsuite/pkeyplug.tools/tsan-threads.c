/* ThreadSanitizer runs a grant used from several threads at once (each
   takes a mutex inside the grant, so there is no race to report) and
   still stops a read outside every grant with pkeyplug's report.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=thread -rdynamic" } */
/* { dg-env TSAN_OPTIONS "" } */
/* { dg-exit-status 134 } */

#include <pthread.h>
#include <stdio.h>
#include <pkeyplug.h>

#define THREADS 4
#define ROUNDS 1000

static long counter PKEY_PROTECT ("vault");
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

PKEY_GRANT ("vault") static void
add (long n)
{
  pthread_mutex_lock (&lock);
  counter += n;
  pthread_mutex_unlock (&lock);
}

PKEY_GRANT ("vault") static long
total (void)
{
  return counter;
}

static void *
worker (void *arg)
{
  for (int i = 0; i < ROUNDS; i++)
    add ((long) arg);
  return NULL;
}

long __attribute__ ((noinline))
peek (void)
{
  return *(volatile long *) &counter;
}

int
main (void)
{
  pthread_t t[THREADS];
  for (long i = 0; i < THREADS; i++)
    pthread_create (&t[i], NULL, worker, (void *) (i + 1));
  for (int i = 0; i < THREADS; i++)
    pthread_join (t[i], NULL);
  printf ("total %ld\n", total ());
  fflush (stdout);
  printf ("peeked %ld\n", peek ());
  return 0;
}
/* { dg-output "total 10000\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'counter' at offset 0 \\(object of 8 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in peek\\+0x\[0-9a-f\]+ \\(\[^\n\]*tsan-threads.exe\\+0x\[0-9a-f\]+\\)\n" } */
