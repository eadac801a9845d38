/* harden=1, a limit: a filter binds the process it is in and what that
   process starts afterwards.  A root process outside it (here a child
   forked by a constructor, before the filter went in; the PKU virtual
   machine runs tests as root) has CAP_SYS_PTRACE, which dumpable 0 does
   not stop: it opens our /proc/PID/mem and reads the secret, exactly as
   README says.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include "reach.h"

static int go[2];
static pid_t child;

__attribute__ ((constructor)) static void
outsider (void)
{
  char path[64], c;
  int fd;

  if (pipe (go) != 0)
    return;
  fflush (stdout);
  child = fork ();
  if (child != 0)
    return;
  close (go[1]);
  if (read (go[0], &c, 1) != 1)
    _exit (1);
  snprintf (path, sizeof path, "/proc/%d/mem", (int) getppid ());
  fd = open (path, O_RDONLY);
  say ("root outsider opens our mem", fd);
  printf ("it reads the secret: %d\n", fd >= 0 && (reach (fd) & 1) != 0);
  fflush (stdout);
  _exit (0);
}

int
main (void)
{
  int status;

  printf ("root %d, dumpable %d\n", geteuid () == 0,
	  prctl (PR_GET_DUMPABLE, 0, 0, 0, 0));
  fflush (stdout);
  close (go[0]);
  if (write (go[1], "g", 1) != 1)
    return 2;
  waitpid (child, &status, 0);
  return verdict ();
}
/* { dg-output "root 1, dumpable 0\n" } */
/* { dg-output "root outsider opens our mem: ok\n" } */
/* { dg-output "it reads the secret: 1\n" } */
/* { dg-output "locked 1, intact 1\n" } */
