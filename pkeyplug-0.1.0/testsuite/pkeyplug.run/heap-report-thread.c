/* The report of a heap violation names the block's key, the offset in
   the block and the thread that faulted: here a second thread, whose id
   the program prints first (the report must name the same one).  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <pkeyplug.h>

static unsigned char *block;

PKEY_GRANT ("cellar") static void
fill (void)
{
  for (int i = 0; i < 100; i++)
    block[i] = (unsigned char) i;
}

static void *
worker (void *arg)
{
  (void) arg;
  printf ("worker thread %ld\n", (long) syscall (SYS_gettid));
  fflush (stdout);
  return (void *) (long) ((volatile unsigned char *) block)[37];
}

int
main (void)
{
  pthread_t t;

  block = pkeyplug_malloc ("cellar", 100);
  fill ();
  printf ("main thread %ld\n", (long) syscall (SYS_gettid));
  fflush (stdout);
  pthread_create (&t, NULL, worker, NULL);
  pthread_join (t, NULL);
  return 0;
}
/* { dg-output "^main thread (\[0-9\]+)\nworker thread (\[0-9\]+)\n" } */
/* { dg-output "pkeyplug: protection violation: read of heap block of key 'cellar' at offset 37 \\(block of 100 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'cellar' \\((?:hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at \[^\n\]*\n" } */
/* { dg-output "pkeyplug:   thread \\2\n$" } */
