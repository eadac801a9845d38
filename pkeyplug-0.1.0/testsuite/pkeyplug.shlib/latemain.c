/* latemain.c -- a thread that exists before dlopen brings two new keys
   gets their default rights: it may read the readonly key's object, but
   not write it, and cannot read the noaccess key's object.  Under the
   kernel's default PKRU the thread's bits for a free key say "no access"
   whatever the key's policy: the runtime signals the thread to set them
   (sync.c).  */
#include <dlfcn.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

static sem_t go, done;
static volatile int *notice, *secret;
static int reads_notice, writes_notice, reads_secret;

static void *
older (void *arg)
{
  (void) arg;
  sem_wait (&go);
  reads_notice = CAN_READ (*notice);
  writes_notice = CAN_WRITE (*notice);
  reads_secret = CAN_READ (*secret);
  sem_post (&done);
  return NULL;
}

int
main (int argc, char **argv)
{
  pthread_t t;
  void *h;

  (void) argc;
  sem_init (&go, 0, 0);
  sem_init (&done, 0, 0);
  pthread_create (&t, NULL, older, NULL);
  h = dlopen (argv[1], RTLD_NOW);
  if (h == NULL)
    {
      printf ("dlopen: %s\n", dlerror ());
      return 2;
    }
  notice = dlsym (h, "late_notice");
  secret = dlsym (h, "late_secret");
  sem_post (&go);
  sem_wait (&done);
  pthread_join (t, NULL);
  printf ("older thread: reads notice %d, writes notice %d, reads secret %d\n",
	  reads_notice, writes_notice, reads_secret);
  printf ("main thread: reads notice %d, writes notice %d, reads secret %d\n",
	  CAN_READ (*notice), CAN_WRITE (*notice), CAN_READ (*secret));
  return !reads_notice || writes_notice || reads_secret;
}
