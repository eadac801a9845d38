/* A C11 thread created inside a grant starts with every key in its
   default state: glibc's thrd_create calls its internal pthread_create,
   which no interposed pthread_create sees, and a new thread inherits its
   creator's PKRU.  The runtime's thrd_create (a redirected call in a
   static link) starts it locked.  */
/* { dg-do run } */

#include <threads.h>
#include "thread-start.h"

static char child_saw[64];

static int
child (void *arg)
{
  (void) arg;
  WAIT_FOR_GRANT_END ();
  REPORT (child_saw, "thread");
  return 3;
}

GRANT_BOTH static int
spawn (thrd_t *t)
{
  char inside[64];
  int err = thrd_create (t, child, NULL);
  REPORT (inside, "grant");
  puts (inside);
  return err;
}

int
main (void)
{
  thrd_t t;
  int res = -1;

  THREAD_START_INIT ();
  if (spawn (&t) != thrd_success)
    return 1;
  GRANT_ENDED ();
  thrd_join (t, &res);
  printf ("%s (returned %d)\n", child_saw, res);
  return 0;
}
/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "thread: vault none, table read \\(returned 3\\)\n" } */
