/* A POSIX thread created inside a grant starts with every key in its
   default state (the shared runtime interposes pthread_create).  */
/* { dg-do run } */

#include "thread-start.h"

static char child_saw[64];

static void *
child (void *arg)
{
  (void) arg;
  WAIT_FOR_GRANT_END ();
  REPORT (child_saw, "thread");
  return NULL;
}

GRANT_BOTH static int
spawn (pthread_t *t)
{
  char inside[64];
  int err = pthread_create (t, NULL, child, NULL);

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
/* { dg-output "thread: vault none, table read\n" } */
