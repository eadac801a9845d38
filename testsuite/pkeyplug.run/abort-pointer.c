/* abort called inside a grant through a pointer (with BY_TABLE: from a
   static table of the unit): the SIGABRT handler runs with the key
   locked.  In hw mode the kernel runs every handler
   with the keys locked anyway; in emulate mode the pages are
   process-wide, and only the locking before abort closes them.  */
/* { dg-do run } */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
#ifdef BY_TABLE
static void (*const abort_table[]) (void) = { abort };
#endif

static void
on_abort (int sig)
{
  printf ("SIGABRT handler: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
  _exit (sig == SIGABRT ? 4 : 5);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
finish (void)
{
  void (*volatile by_pointer) (void) = abort;
  secret++;
#ifdef BY_TABLE
  by_pointer = abort_table[0];
#endif
  by_pointer ();
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
