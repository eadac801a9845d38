/* Real PKU only: a signal handler that interrupts code holding a key does
   not inherit the key (the kernel runs handlers with its default PKRU),
   and the interrupted code has it back afterwards.  Emulate mode differs:
   its pages are process-wide, so a handler would see them open.  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#include <signal.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 5;
static volatile int handler_reads = -1;

static void
on_usr1 (int sig)
{
  (void) sig;
  handler_reads = CAN_READ (secret);
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
  int after = granted_raise ();
  printf ("handler reads %d, interrupted code reads %d\n", handler_reads,
	  after);
  return !(handler_reads == 0 && after == 1);
}
/* { dg-output "handler reads 0, interrupted code reads 1" } */
