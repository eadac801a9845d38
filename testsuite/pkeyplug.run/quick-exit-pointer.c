/* quick_exit called inside a grant through a pointer taken in the
   granting function (link-static-quick-exit-table.c: through the static
   table of a unit without keys): the at_quick_exit handler runs with the
   key locked.  */
/* { dg-do run } */

#include <stdio.h>
#include <stdlib.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
#ifdef BY_TABLE
extern void (*const exit_table[]) (int);
#endif

static void
at_quick (void)
{
  printf ("at_quick_exit: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
finish (void)
{
  void (*volatile by_pointer) (int) = quick_exit;
  secret++;
#ifdef BY_TABLE
  by_pointer = exit_table[1];
#endif
  by_pointer (5);
}

int
main (void)
{
  at_quick_exit (at_quick);
  finish ();
  return 1;
}
/* { dg-exit-status 5 } */
/* { dg-output "^at_quick_exit: locked 1\n$" } */
