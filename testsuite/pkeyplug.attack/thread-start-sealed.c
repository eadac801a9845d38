/* With sealed gates a thread needs a slot in the ledger before its gates
   can count a grant; the runtime's thread start gives it one.  Threads of
   thrd_create (which glibc starts with its internal pthread_create) and
   of pthread_create, each calling a granting function, inside a grant
   and outside.  Without a slot the gates trap (SIGILL).  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-options "-fplugin-arg-pkeyplug-gates=sealed" } */

#include <pthread.h>
#include <stdio.h>
#include <threads.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 7;

PKEY_GRANT ("vault") __attribute__ ((noinline)) static int
bump (int by)
{
  return secret += by;
}

static void *
posix_child (void *arg)
{
  return (void *) (long) bump ((int) (long) arg);
}

static int
c11_child (void *arg)
{
  return bump ((int) (long) arg);
}

PKEY_GRANT ("vault") __attribute__ ((noinline)) static void
spawn_both (pthread_t *p, thrd_t *c)
{
  pthread_create (p, NULL, posix_child, (void *) 10L);
  pthread_join (*p, NULL);
  thrd_create (c, c11_child, (void *) 100L);
}

int
main (void)
{
  pthread_t p;
  thrd_t c;
  void *r;
  int res;

  spawn_both (&p, &c);
  thrd_join (c, &res);
  printf ("inside a grant: %d\n", res);
  pthread_create (&p, NULL, posix_child, (void *) 1000L);
  pthread_join (p, &r);
  thrd_create (&c, c11_child, (void *) 10000L);
  thrd_join (c, &res);
  printf ("outside: %ld %d\n", (long) r, res);
  return 0;
}
/* { dg-output "inside a grant: 117\n" } */
/* { dg-output "outside: 1117 11117\n" } */
