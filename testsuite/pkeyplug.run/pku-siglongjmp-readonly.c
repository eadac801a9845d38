/* A siglongjmp out of a signal handler, outside every grant: the handler
   ran with the kernel's PKRU, every key locked, and the restore after
   sigsetjmp only closes keys, but it does give a readonly key back its
   default (readable, not writable), which the runtime keeps on a
   read-only page.  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

const int limit PKEY_PROTECT_READONLY ("conf") = 7;
int counter PKEY_PROTECT_READONLY ("conf") = 1;
int secret PKEY_PROTECT ("vault") = 2;
static sigjmp_buf env;
static int in_handler = -1;

static void
on_usr1 (int sig)
{
  (void) sig;
  in_handler = CAN_READ (counter);
  siglongjmp (env, 1);
}

int
main (void)
{
  signal (SIGUSR1, on_usr1);
  if (sigsetjmp (env, 1) == 0)
    raise (SIGUSR1);
  printf ("in the handler %d; after: readable %d %d, writable %d, vault %d\n",
	  in_handler, CAN_READ (limit), CAN_READ (counter),
	  CAN_WRITE (counter), CAN_READ (secret));
  return 0;
}
/* { dg-output "in the handler 0; after: readable 1 1, writable 0, vault 0\n" } */
