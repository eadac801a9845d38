/* glibc's clone with CLONE_VM, called inside a grant: the child shares
   the address space and inherits its creator's PKRU.  The runtime's clone
   (a redirected call in a static link) starts the child's function
   through a trampoline that locks every key first.  */
/* { dg-do run } */

#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include "thread-start.h"

static char child_saw[64];
static char stack[256 * 1024] __attribute__ ((aligned (16)));

static int
child (void *arg)
{
  (void) arg;
  WAIT_FOR_GRANT_END ();
  REPORT (child_saw, "child");
  return 4;
}

GRANT_BOTH static pid_t
spawn (void)
{
  char inside[64];

  REPORT (inside, "grant");
  puts (inside);
  fflush (stdout);
  return clone (child, stack + sizeof stack, CLONE_VM | SIGCHLD, NULL);
}

int
main (void)
{
  int status;
  pid_t pid;

  THREAD_START_INIT ();
  pid = spawn ();
  if (pid < 0)
    {
      perror ("clone");
      return 1;
    }
  GRANT_ENDED ();
  if (waitpid (pid, &status, 0) != pid)
    {
      perror ("waitpid");
      return 1;
    }
  printf ("%s (exit %d)\n", child_saw, WEXITSTATUS (status));
  return 0;
}
/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "child: vault none, table read \\(exit 4\\)\n" } */
