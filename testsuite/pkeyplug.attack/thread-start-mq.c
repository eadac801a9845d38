/* A SIGEV_THREAD mq_notify first requested inside a grant: glibc starts
   one helper thread then (before it even looks at the descriptor), and
   each notification runs in a new thread that the helper creates, so
   every notification would inherit the grant's rights.  The runtime
   makes the call from a thread that starts locked.  The second
   notification is requested outside the grant and served by the same
   helper.  */
/* { dg-do run } */

#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "thread-start.h"

static char saw[2][64];
static int fired;
static sem_t done;

static void
notified (union sigval v)
{
  static const char *const name[2] = { "notification 1", "notification 2" };

  (void) v;
  if (fired < 2)
    REPORT (saw[fired], name[fired]);
  fired++;
  sem_post (&done);
}

static int
ask (mqd_t q)
{
  struct sigevent sev;

  memset (&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_THREAD;
  sev.sigev_notify_function = notified;
  return mq_notify (q, &sev);
}

GRANT_BOTH static int
ask_inside_grant (mqd_t q)
{
  char inside[64];

  REPORT (inside, "grant");
  puts (inside);
  return ask (q);
}

static void
send_and_wait (mqd_t q)
{
  char buf[16];

  mq_send (q, "x", 1, 0);
  sem_wait (&done);
  mq_receive (q, buf, sizeof buf, NULL);
}

int
main (void)
{
  struct mq_attr attr;
  char name[64];
  mqd_t q;

  sem_init (&done, 0, 0);
  memset (&attr, 0, sizeof attr);
  attr.mq_maxmsg = 4;
  attr.mq_msgsize = 16;
  snprintf (name, sizeof name, "/pkeyplug-thread-start-%d", (int) getpid ());
  q = mq_open (name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
  if (q == (mqd_t) -1)
    {
      perror ("mq_open");
      return 1;
    }
  mq_unlink (name);
  if (ask_inside_grant (q) != 0)
    {
      perror ("mq_notify");
      return 1;
    }
  send_and_wait (q);
  if (ask (q) != 0)
    {
      perror ("mq_notify");
      return 1;
    }
  send_and_wait (q);
  mq_close (q);
  printf ("%s\n%s\n", saw[0], saw[1]);
  return 0;
}
/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "notification 1: vault none, table read\n" } */
/* { dg-output "notification 2: vault none, table read\n" } */
