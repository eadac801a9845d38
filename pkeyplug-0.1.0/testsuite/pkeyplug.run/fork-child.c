/* fork inside a grant: the child keeps its keys and the forking thread's
   rights (its copy of the grant is open until its copy of the function
   returns), and is locked afterwards.  */
/* { dg-do run } */

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 9;

PKEY_GRANT ("vault") static int
fork_inside (pid_t *pid)
{
  *pid = fork ();
  return CAN_READ (secret);
}

int
main (void)
{
  pid_t pid;
  int open_inside = fork_inside (&pid);
  int locked_after = !CAN_READ (secret);
  if (pid == 0)
    _exit (open_inside && locked_after ? 0 : 1);
  int status;
  waitpid (pid, &status, 0);
  printf ("parent: %d %d; child: %s\n", open_inside, locked_after,
	  WIFEXITED (status) && WEXITSTATUS (status) == 0 ? "ok" : "wrong");
  return !(open_inside && locked_after && WIFEXITED (status)
	   && WEXITSTATUS (status) == 0);
}
/* { dg-output "parent: 1 1; child: ok" } */
