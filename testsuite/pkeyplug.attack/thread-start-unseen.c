/* A thread created through a function pointer that a static initializer
   set, which the plugin does not redirect: in a dynamic link the pointer
   is the shared runtime's pthread_create, and the thread starts with
   every key in its default state.  thread-start-unseen-static.c shows
   the limit of a static link.  */
/* { dg-do run } */

#include "thread-start.h"

static int (*volatile create) (pthread_t *, const pthread_attr_t *,
			       void *(*) (void *), void *) = pthread_create;
static char child_saw[64];

static void *
child (void *arg)
{
  char who[32];

  (void) arg;
  WAIT_FOR_GRANT_END ();
  snprintf (who, sizeof who, "thread (%s)",
	    pkeyplug_mode_name (pkeyplug_mode ()));
  REPORT (child_saw, who);
  return NULL;
}

GRANT_BOTH static int
spawn (pthread_t *t)
{
  char inside[64];
  int err = create (t, NULL, child, NULL);

  REPORT (inside, "grant");
  puts (inside);
  return err;
}

int
main (void)
{
  pthread_t t;

  THREAD_START_INIT ();
  if (spawn (&t) != 0)
    return 1;
  GRANT_ENDED ();
  pthread_join (t, NULL);
  puts (child_saw);
  return 0;
}
/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "thread \\((hw|emulate)\\): vault none, table read\n" } */
