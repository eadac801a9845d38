/* An annotated handler running on an alternate signal stack gets its
   grant, and the interrupted code is locked again afterwards.  */
/* { dg-do run } */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 11;
static volatile int seen;
static volatile int on_alt;

PKEY_GRANT ("vault") static void
on_usr1 (int sig)
{
  stack_t ss;
  (void) sig;
  sigaltstack (NULL, &ss);
  on_alt = (ss.ss_flags & SS_ONSTACK) != 0;
  seen = secret;
}

int
main (void)
{
  stack_t ss;
  ss.ss_sp = malloc (SIGSTKSZ * 4);
  ss.ss_size = SIGSTKSZ * 4;
  ss.ss_flags = 0;
  sigaltstack (&ss, NULL);
  struct sigaction sa = { 0 };
  sa.sa_handler = on_usr1;
  sa.sa_flags = SA_ONSTACK;
  sigaction (SIGUSR1, &sa, NULL);
  raise (SIGUSR1);
  printf ("on alt stack %d, saw %d, locked %d\n", on_alt, seen,
	  !CAN_READ (secret));
  return !(on_alt && seen == 11 && !CAN_READ (secret));
}
/* { dg-output "on alt stack 1, saw 11, locked 1" } */
