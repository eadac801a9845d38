/* harden=1 makes the process non-dumpable, and keeps it so: another
   process of the same user, which no filter of ours binds (here a child
   forked before the filter went in, both running as user 65534), can
   neither open our /proc/PID/mem nor ptrace us; prctl (PR_SET_DUMPABLE,
   1) is refused.  Non-dumpable also means no core dump, which would hold
   the registers of threads inside grants.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "reach.h"

#define NOBODY 65534

static int go[2];
static pid_t child;

/* The same user's other process, made before the filter (the shared
   runtime installs it when main is called): it waits until main says
   go, then attacks its parent.  */
__attribute__ ((constructor)) static void
outsider (void)
{
  char path[64], c;
  int fd;

  if (pipe (go) != 0 || setgroups (0, NULL) != 0
      || setresgid (NOBODY, NOBODY, NOBODY) != 0
      || setresuid (NOBODY, NOBODY, NOBODY) != 0
      /* Changing user made us non-dumpable: a program started as that
	 user is not.  */
      || prctl (PR_SET_DUMPABLE, 1, 0, 0, 0) != 0)
    {
      printf ("cannot become user %d\n", NOBODY);
      return;
    }
  fflush (stdout);
  child = fork ();
  if (child != 0)
    return;
  close (go[1]);
  if (read (go[0], &c, 1) != 1)
    _exit (1);
  snprintf (path, sizeof path, "/proc/%d/mem", (int) getppid ());
  fd = open (path, O_RDWR);
  try_open ("outsider opens our mem", fd);
  say ("outsider attaches", ptrace (PTRACE_ATTACH, getppid (), 0, 0));
  fflush (stdout);
  _exit (0);
}

int
main (void)
{
  int status;

  printf ("user %d\n", (int) geteuid ());
  printf ("dumpable %d\n", prctl (PR_GET_DUMPABLE, 0, 0, 0, 0));
  say ("set dumpable", prctl (PR_SET_DUMPABLE, 1, 0, 0, 0));
  printf ("dumpable %d\n", prctl (PR_GET_DUMPABLE, 0, 0, 0, 0));
  fflush (stdout);
  close (go[0]);
  if (write (go[1], "g", 1) != 1)
    return 2;
  waitpid (child, &status, 0);
  return verdict ();
}
/* { dg-output "user 65534\n" } */
/* { dg-output "dumpable 0\n" } */
/* { dg-output "set dumpable: EPERM \[^\n\]*\n" } */
/* { dg-output "dumpable 0\n" } */
/* { dg-output "outsider opens our mem: EACCES \[^\n\]*\n" } */
/* { dg-output "outsider attaches: EPERM \[^\n\]*\n" } */
/* { dg-output "locked 1, intact 1\n" } */
