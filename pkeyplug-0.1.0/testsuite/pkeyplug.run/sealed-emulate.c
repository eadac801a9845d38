/* A unit built with gates=sealed runs in any mode: without PKU its gates
   take the emulation's path, and the key stays locked outside them.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-gates=sealed" } */

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 7;

PKEY_GRANT ("vault") __attribute__ ((noinline)) void put (int v) { secret = v; }
PKEY_GRANT_READ ("vault") __attribute__ ((noinline)) int get (void) { return secret; }
PKEY_GRANT ("vault") __attribute__ ((noinline)) int twice (void) { put (get () * 2); return get (); }

int
main (void)
{
  int status;
  pid_t pid;

  put (21);
  printf ("twice %d\n", twice ());
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      printf ("read %d\n", secret); /* { dg-warning "reads .secret. without holding its key" } */
      _exit (0);
    }
  waitpid (pid, &status, 0);
  printf ("outside: %s\n", WIFSIGNALED (status) ? "fault" : "no fault");
  return 0;
}
/* { dg-output "^twice 42\n" } */
/* { dg-output ".*protection violation: read of 'secret'.*" } */
/* { dg-output "outside: fault\n$" } */
