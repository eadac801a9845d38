/* A thread that exists before a key is allocated never gets more than
   the key's default rights on it.  The thread starts first; then
   pkeyplug_malloc brings a new key into the process (as a dlopen of a
   unit with a new key would: both go through the same allocation).
   pkey_alloc sets only the calling thread's rights; the older thread
   keeps the PKRU bits it had for the free key, access-disabled under the
   kernel's default PKRU, so a read or write from it faults.  In emulate
   mode the pages are simply locked for every thread.  */
/* { dg-do run } */

#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <unistd.h>
#include "probe.h"
#include "expect.h"
#include <pkeyplug.h>

static unsigned char *block;
static sem_t go, done;
static int thread_denied = -1, thread_bits_ok = -1;

PKEY_GRANT ("late") static int
fill (void)
{
  for (int i = 0; i < 64; i++)
    block[i] = (unsigned char) (i + 1);
  return block[9];
}

static void *
older (void *arg)
{
  (void) arg;
  sem_wait (&go);
  thread_denied = !CAN_READ (block[9]) && !CAN_WRITE (block[9]);
  if (pkeyplug_mode () == PKEYPLUG_MODE_HW)
    {
      unsigned int shift = 2 * (unsigned int) pkeyplug_key_of ("late");
      /* AD set: neither reads nor writes.  */
      thread_bits_ok = ((probe_rdpkru () >> shift) & 1) == 1;
    }
  else
    thread_bits_ok = 1;
  sem_post (&done);
  return NULL;
}

int
main (void)
{
  pthread_t t;

  sem_init (&go, 0, 0);
  sem_init (&done, 0, 0);
  pthread_create (&t, NULL, older, NULL);

  block = pkeyplug_malloc ("late", 64);
  expect (block != NULL, "block allocated");
  expect (fill () == 10, "block usable inside a grant");
  expect (!CAN_READ (block[9]), "block locked in the main thread");
  sem_post (&go);
  sem_wait (&done);
  pthread_join (t, NULL);
  expect (thread_denied == 1, "block locked in the older thread");
  expect (thread_bits_ok == 1, "older thread's PKRU denies the new key");
  printf ("late key %s, failures %d\n",
	  pkeyplug_mode_name (pkeyplug_key_mode ("late")), failures);
  return failures;
}
/* { dg-output "^late key (hw|emulate), failures 0\n$" } */
