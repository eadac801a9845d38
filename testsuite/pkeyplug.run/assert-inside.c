/* An assert that fails inside a grant: assert's failure function aborts
   from inside the C library, and the SIGABRT handler must not run inside
   the grant (emulate mode: the pages are process-wide; hw mode: the
   kernel locks the keys for every handler).  The plugin locks before the
   call, whose arguments are string literals.  */
/* { dg-do run } */
/* { dg-options "-UNDEBUG" } */

#include <assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static void
on_abort (int sig)
{
  printf ("SIGABRT handler: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
  _exit (sig == SIGABRT ? 4 : 5);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
check (void)
{
  secret++;
  assert (secret == 1);
}

int
main (void)
{
  signal (SIGABRT, on_abort);
  check ();
  return 1;
}
/* { dg-exit-status 4 } */
/* { dg-output "Assertion .* failed.*SIGABRT handler: locked 1\n$" } */
