/* pku-late-key-open-bits.c's first case in a static link (libpkeyrt.a,
   no dynamic linker): a thread that opened every key before a heap key
   existed is denied the key's pages afterwards.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-options "-static" } */

#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include "probe.h"
#include "expect.h"
#include <pkeyplug.h>

static unsigned char *block;
static sem_t ready, go, done;
static unsigned int opener_pkru;
static int opener_denied = -1;

static void *
opener (void *arg)
{
  (void) arg;
  probe_wrpkru (0);
  sem_post (&ready);
  sem_wait (&go);
  opener_pkru = probe_rdpkru ();
  opener_denied = !CAN_READ (block[0]) && !CAN_WRITE (block[0]);
  sem_post (&done);
  return NULL;
}

int
main (void)
{
  pthread_t t;
  unsigned int shift;

  sem_init (&ready, 0, 0);
  sem_init (&go, 0, 0);
  sem_init (&done, 0, 0);
  pthread_create (&t, NULL, opener, NULL);
  sem_wait (&ready);
  block = pkeyplug_malloc ("late", 64);
  expect (block != NULL, "block allocated");
  shift = 2 * (unsigned int) pkeyplug_key_of ("late");
  sem_post (&go);
  sem_wait (&done);
  pthread_join (t, NULL);
  expect (opener_denied == 1, "block locked in the older thread");
  expect (((opener_pkru >> shift) & 3) == 3, "its PKRU denies the key");
  printf ("failures %d\n", failures);
  return failures;
}
/* { dg-output "^failures 0\n$" } */
