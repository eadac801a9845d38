/* abort called inside a granting function: the SIGABRT handler does not
   run inside the grant (in hw mode the kernel would see to that; in
   emulate mode the pages are process-wide, and only the locking before
   abort closes them).  */
/* { dg-do run } */

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

PKEY_GRANT ("vault") static void
finish (void)
{
  secret++;
  abort ();
}

int
main (void)
{
  signal (SIGABRT, on_abort);
  finish ();
  return 1;
}
/* { dg-exit-status 4 } */
/* { dg-output "^SIGABRT handler: locked 1\n$" } */
