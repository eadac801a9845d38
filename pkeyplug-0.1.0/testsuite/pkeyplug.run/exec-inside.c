/* A program that execs from inside a grant: the new image starts from
   its own runtime with every key locked (execve resets PKRU in hw mode;
   in emulate mode the new image's pages start locked), so a read outside
   a grant in the new image faults and is reported.  The program execs
   itself, through /proc/self/exe, with the argument "child".  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;

PKEY_GRANT ("vault") static void
exec_inside (char *argv0)
{
  char *args[] = { argv0, (char *) "child", NULL };

  secret++;
  printf ("parent: in grant, secret %d, readable %d\n", secret,
	  CAN_READ (secret));
  fflush (stdout);
  execv ("/proc/self/exe", args);
  perror ("execv");
}

int
main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "child") == 0)
    {
      printf ("child: mode %s, readable %d\n",
	      pkeyplug_mode_name (pkeyplug_mode ()), CAN_READ (secret));
      fflush (stdout);
      return *(volatile int *) &secret;
    }
  exec_inside (argv[0]);
  return 1;
}
/* { dg-output "^parent: in grant, secret 43, readable 1\n" } */
/* { dg-output "child: mode (hw|emulate), readable 0\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'secret' at offset 0 \\(object of 4 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
