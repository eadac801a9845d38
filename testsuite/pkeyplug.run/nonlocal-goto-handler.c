/* A non-local goto out of a signal handler (a nested function installed
   as the handler) into a granting function: the handler ran with every
   key locked in hw mode, the restore at the label only closes, and the
   function opens its own key again after it, so it still reaches its
   secret.  */
/* { dg-do run } */
/* { dg-options "-Wl,--no-warn-execstack" } the trampoline of on_usr1 */

#include <signal.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 4;

PKEY_GRANT ("vault") static int __attribute__ ((noinline))
granted (void)
{
  __label__ out;
  void on_usr1 (int sig)
  {
    (void) sig;
    goto out;
  }
  signal (SIGUSR1, on_usr1);
  raise (SIGUSR1);
  return -1;
 out:
  signal (SIGUSR1, SIG_DFL);
  return ((volatile int *) &secret)[0];
}

int
main (void)
{
  int value = granted ();
  printf ("after the goto out of the handler: %d, then locked %d\n", value,
	  !CAN_READ (secret));
  return 0;
}
/* { dg-output "after the goto out of the handler: 4, then locked 1\n" } */
