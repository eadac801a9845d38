/* What emulate mode promises against code that calls the runtime: with
   report=continue-in-emulate, the SIGSEGV handler called directly with a
   forged fault on the secret reports it and opens the secret's page for
   "one instruction", which the forged context never runs: the page
   stays open and the attacker reads the secret.  The emulation's gates
   are plain calls anyone can make (export-emulate-mode.c): emulate mode
   catches mistakes, it does not stop an attacker who calls functions.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mode=emulate:report=continue-in-emulate } */

#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include "attack.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

typedef void handler_fn (int, siginfo_t *, void *);

int
main (void)
{
  struct sigaction sa;
  siginfo_t si;
  ucontext_t uc;
  char buf[64];

  sigaction (SIGSEGV, NULL, &sa);
  memset (&si, 0, sizeof si);
  memset (&uc, 0, sizeof uc);
  si.si_signo = SIGSEGV;
  si.si_code = SEGV_ACCERR;
  si.si_addr = secret;
  uc.uc_mcontext.gregs[REG_RIP] = (greg_t) main;
  sa.sa_sigaction (SIGSEGV, &si, &uc);
  attack_copy (buf, sizeof buf, secret);
  printf ("read '%s'\n", buf);
  return 0;
}
/* { dg-output "pkeyplug: protection violation: read of 'secret' at offset 0 \\(object of 64 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(emulated, mprotect\\)\n" } */
/* { dg-output "pkeyplug:   at \[^\n\]*\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
/* { dg-output "pkeyplug:   'secret' is defined at \[^\n\]*\n" } */
/* { dg-output "pkeyplug:   continuing \\(report=continue-in-emulate\\)\n" } */
/* { dg-output "read 's3cret'\n$" } */
