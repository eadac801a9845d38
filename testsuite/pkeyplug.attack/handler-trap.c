/* The runtime's SIGTRAP handler (report=continue-in-emulate), found with
   sigaction and called directly with a forged context, in hw mode with
   harden=1: it steps nothing for this thread, so the trap is not its own
   and goes to the previous action, the default one: the process ends
   with SIGTRAP.  It opens nothing and locks nothing again (no page was
   opened): a forged call only ends the process.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1:report=continue-in-emulate } */
/* { dg-exit-status 133 } */

#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

int
main (void)
{
  struct sigaction sa;
  siginfo_t si;
  ucontext_t uc;

  sigaction (SIGTRAP, NULL, &sa);
  printf ("runtime's handler %d, locked %d\n",
	  (sa.sa_flags & SA_SIGINFO) != 0, !CAN_READ (secret[0]));
  fflush (stdout);
  memset (&si, 0, sizeof si);
  memset (&uc, 0, sizeof uc);
  si.si_signo = SIGTRAP;
  si.si_code = TRAP_TRACE;
  uc.uc_mcontext.gregs[REG_RIP] = (greg_t) main;
  uc.uc_mcontext.gregs[REG_EFL] = 0x100;
  sa.sa_sigaction (SIGTRAP, &si, &uc);
  printf ("the forged call returned, locked %d\n", !CAN_READ (secret[0]));
  return 0;
}
/* { dg-output "pkeyplug: report=continue-in-emulate: mode is hw\[^\n\]*\n" } */
/* { dg-output "runtime's handler 1, locked 1\n$" } */
