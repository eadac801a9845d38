/* exit called through a pointer by a signal handler that interrupted a
   grant, in a static program: the atexit handler runs with the key
   locked (hw mode: the handler ran with the keys locked anyway; emulate
   mode: the interrupted grant's level belongs to the same thread, and
   the stand-in of exit gives it back first).  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
static void (*volatile leave) (int) = exit;

static void
at_exit (void)
{
  printf ("atexit: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
}

static void
on_usr1 (int sig)
{
  leave (sig == SIGUSR1 ? 6 : 7);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
granted (void)
{
  secret++;
  raise (SIGUSR1);
}

int
main (void)
{
  atexit (at_exit);
  signal (SIGUSR1, on_usr1);
  granted ();
  return 1;
}
/* { dg-exit-status 6 } */
/* { dg-output "^atexit: locked 1\n$" } */
