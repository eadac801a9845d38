/* An asynchronous name lookup (getaddrinfo_a) first started inside a
   grant: glibc starts a worker thread then, which stays for later
   requests, and each SIGEV_THREAD completion runs in a new thread that
   the worker creates.  The runtime starts the lookup from a thread that
   starts locked.  The second lookup is started outside the grant.  (No
   static variant: a static link of getaddrinfo warns that it needs the
   shared libraries at run time.)  */
/* { dg-do run } */

#define _GNU_SOURCE
#include <netdb.h>
#include <signal.h>
#include <string.h>
#include "thread-start.h"

static char saw[2][64];
static int fired;
static sem_t done;
static struct addrinfo hints;
static struct gaicb req;

static void
completed (union sigval v)
{
  static const char *const name[2] = { "lookup 1", "lookup 2" };

  (void) v;
  /* The worker may finish before the grant does.  */
  if (fired == 0)
    WAIT_FOR_GRANT_END ();
  if (fired < 2)
    REPORT (saw[fired], name[fired]);
  fired++;
  sem_post (&done);
}

static int
lookup (void)
{
  struct gaicb *list[1] = { &req };
  struct sigevent sev;

  hints.ai_flags = AI_NUMERICHOST;
  hints.ai_family = AF_INET;
  memset (&req, 0, sizeof req);
  req.ar_name = "127.0.0.1";
  req.ar_request = &hints;
  memset (&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_THREAD;
  sev.sigev_notify_function = completed;
  return getaddrinfo_a (GAI_NOWAIT, list, 1, &sev);
}

GRANT_BOTH static int
lookup_inside_grant (void)
{
  char inside[64];

  REPORT (inside, "grant");
  puts (inside);
  return lookup ();
}

int
main (void)
{
  THREAD_START_INIT ();
  sem_init (&done, 0, 0);
  if (lookup_inside_grant () != 0)
    return 1;
  GRANT_ENDED ();
  sem_wait (&done);
  freeaddrinfo (req.ar_result);
  if (lookup () != 0)
    return 1;
  sem_wait (&done);
  freeaddrinfo (req.ar_result);
  printf ("%s\n%s\n", saw[0], saw[1]);
  return 0;
}
/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "lookup 1: vault none, table read\n" } */
/* { dg-output "lookup 2: vault none, table read\n" } */
