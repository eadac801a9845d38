/* An annotated signal handler gets its grant; the interrupted code's
   rights are back when the handler returns, in both directions: a grant
   open before the signal is still open after it, and the handler's own
   grant does not leak out.  */
/* { dg-do run } */

#include <signal.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 5;
static volatile sig_atomic_t seen;

PKEY_GRANT ("vault") static void
on_usr1 (int sig)
{
  (void) sig;
  seen = secret;
}

PKEY_GRANT ("vault") static int
granted_raise (void)
{
  raise (SIGUSR1);
  return CAN_READ (secret);
}

int
main (void)
{
  signal (SIGUSR1, on_usr1);
  raise (SIGUSR1);
  int after_plain = CAN_READ (secret);
  int inside = granted_raise ();
  printf ("handler saw %d, open after: %d, grant kept: %d\n", (int) seen,
	  after_plain, inside);
  return !(seen == 5 && !after_plain && inside);
}
/* { dg-output "handler saw 5, open after: 0, grant kept: 1" } */
