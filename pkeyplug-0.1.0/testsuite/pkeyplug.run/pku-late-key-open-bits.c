/* A thread that existed before a key was allocated, and whose PKRU bits
   for the free key were left open by other code, gets the key's default
   rights anyway: the runtime signals it and edits the PKRU saved in its
   signal frame.  Only the new key's bits change.  A thread that blocks
   every signal cannot be reached: it keeps its open bits, and verbose=1
   says so.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS verbose=1 } */

#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include "probe.h"
#include "expect.h"
#include <pkeyplug.h>

static unsigned char *block;
static sem_t ready, go, done;
static unsigned int opener_pkru, blocker_pkru;
static int opener_denied = -1, blocker_reads = -1;

/* Every key open: what a pkey_alloc without restrictions and a pkey_free,
   or a stray WRPKRU, leave behind.  */
#define ALL_OPEN 0u

static void *
opener (void *arg)
{
  (void) arg;
  probe_wrpkru (ALL_OPEN);
  sem_post (&ready);
  sem_wait (&go);
  opener_pkru = probe_rdpkru ();
  opener_denied = !CAN_READ (block[9]) && !CAN_WRITE (block[9]);
  sem_post (&done);
  return NULL;
}

static void *
blocker (void *arg)
{
  sigset_t all;

  (void) arg;
  sigfillset (&all);
  pthread_sigmask (SIG_BLOCK, &all, NULL);
  probe_wrpkru (ALL_OPEN);
  sem_post (&ready);
  sem_wait (&go);
  blocker_pkru = probe_rdpkru ();
  /* Not probe (): its SIGSEGV is blocked here.  The bits say it all.  */
  blocker_reads = blocker_pkru == ALL_OPEN;
  probe_wrpkru (0x55555554u);
  sem_post (&done);
  return NULL;
}

int
main (void)
{
  pthread_t t1, t2;
  unsigned int shift;

  sem_init (&ready, 0, 0);
  sem_init (&go, 0, 0);
  sem_init (&done, 0, 0);
  pthread_create (&t1, NULL, opener, NULL);
  pthread_create (&t2, NULL, blocker, NULL);
  sem_wait (&ready);
  sem_wait (&ready);

  block = pkeyplug_malloc ("late", 64);
  expect (block != NULL, "block allocated");
  shift = 2 * (unsigned int) pkeyplug_key_of ("late");
  sem_post (&go);
  sem_post (&go);
  sem_wait (&done);
  sem_wait (&done);
  pthread_join (t1, NULL);
  pthread_join (t2, NULL);

  expect (opener_denied == 1, "block locked in the thread that had "
	  "opened every key");
  expect (((opener_pkru >> shift) & 3) == 3,
	  "its PKRU denies the new key");
  expect ((opener_pkru & ~(3u << shift)) == ALL_OPEN,
	  "its other bits are as it left them");
  expect (blocker_reads == 1, "the thread that blocks every signal "
	  "keeps its own bits");
  printf ("failures %d\n", failures);
  return failures;
}
/* { dg-output "pkeyplug: mode hw \\(PKU present\\)\n" } */
/* { dg-output "pkeyplug: key 'late' -> hw key \[0-9\]+, made by pkeyplug_malloc\n" } */
/* { dg-output "pkeyplug: older threads: 1 of 2 block SIGRTMAX; their rights on the new key stay as they were\n" } */
/* { dg-output "failures 0\n$" } */
