/* The runtime's SIGSEGV handler (the violation report), found with
   sigaction and called directly with forged siginfo and ucontext, in hw
   mode with report=continue-in-emulate (which lets an emulated key's
   access through after its report) and harden=1.  Faults that are not
   ours (not a protected address, MAPERR) go to the previous action and
   return; a forged fault on the secret is reported and ends the process:
   a hardware key's rights are in PKRU, which the handler never opens,
   and nothing but emulated keys continue.  The secret stays locked
   throughout.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1:report=continue-in-emulate } */
/* { dg-exit-status 134 } */

#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";
static char ordinary[64];

typedef void handler_fn (int, siginfo_t *, void *);

/* Call H as if the kernel reported a fault of CODE at ADDR (a write if
   WRITE) by the instruction at PC.  */
static void
forge (handler_fn *h, int code, void *addr, int write, void *pc)
{
  siginfo_t si;
  ucontext_t uc;

  memset (&si, 0, sizeof si);
  memset (&uc, 0, sizeof uc);
  si.si_signo = SIGSEGV;
  si.si_code = code;
  si.si_addr = addr;
  uc.uc_mcontext.gregs[REG_ERR] = write ? 2 : 0;
  uc.uc_mcontext.gregs[REG_RIP] = (greg_t) pc;
  h (SIGSEGV, &si, &uc);
}

int
main (void)
{
  struct sigaction sa;
  handler_fn *h;

  sigaction (SIGSEGV, NULL, &sa);
  h = sa.sa_sigaction;
  printf ("runtime's handler %d\n", (sa.sa_flags & SA_SIGINFO) != 0);
  forge (h, SEGV_MAPERR, secret, 1, (void *) main);
  forge (h, SEGV_ACCERR, ordinary, 1, (void *) main);
  printf ("returned, locked %d %d\n", !CAN_READ (secret[0]),
	  !CAN_WRITE (secret[0]));
  fflush (stdout);
  forge (h, 4 /* SEGV_PKUERR */, secret + 3, 0, (void *) main);
  printf ("forged violation went on, read %d\n", CAN_READ (secret[0]));
  return 0;
}
/* { dg-output "pkeyplug: report=continue-in-emulate: mode is hw\[^\n\]*\n" } */
/* { dg-output "runtime's handler 1\n" } */
/* { dg-output "returned, locked 1 1\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'secret' at offset 3 \\(object of 64 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(hw key \[0-9\]+, SEGV_PKUERR\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+\[^\n\]*\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
/* { dg-output "pkeyplug:   'secret' is defined at \[^\n\]*handler-segv.c:\[0-9\]+\n$" } */
