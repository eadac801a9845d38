/* An asynchronous read first submitted inside a grant: glibc starts a
   worker thread then, which stays for later requests, and each
   SIGEV_THREAD completion runs in a new thread that the worker creates,
   so every completion would inherit the grant's rights.  The runtime
   submits from a thread that starts locked.  The second read is
   submitted outside the grant; the worker of the first serves it.  */
/* { dg-do run } */

#include <aio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "thread-start.h"

static char saw[2][64];
static int fired;
static sem_t done;
static struct aiocb cb;
static char buf[8];

static void
completed (union sigval v)
{
  static const char *const name[2] = { "completion 1", "completion 2" };

  (void) v;
  if (fired < 2)
    REPORT (saw[fired], name[fired]);
  fired++;
  sem_post (&done);
}

static int
submit (int fd)
{
  memset (&cb, 0, sizeof cb);
  cb.aio_fildes = fd;
  cb.aio_buf = buf;
  cb.aio_nbytes = 1;
  cb.aio_sigevent.sigev_notify = SIGEV_THREAD;
  cb.aio_sigevent.sigev_notify_function = completed;
  return aio_read (&cb);
}

GRANT_BOTH static int
submit_inside_grant (int fd)
{
  char inside[64];

  REPORT (inside, "grant");
  puts (inside);
  return submit (fd);
}

int
main (void)
{
  int p[2];

  sem_init (&done, 0, 0);
  if (pipe (p) != 0 || submit_inside_grant (p[0]) != 0)
    {
      perror ("aio_read");
      return 1;
    }
  /* Only now can the read complete.  */
  write (p[1], "a", 1);
  sem_wait (&done);
  if (submit (p[0]) != 0)
    {
      perror ("aio_read");
      return 1;
    }
  write (p[1], "b", 1);
  sem_wait (&done);
  printf ("%s\n%s\n", saw[0], saw[1]);
  return 0;
}
/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "completion 1: vault none, table read\n" } */
/* { dg-output "completion 2: vault none, table read\n" } */
