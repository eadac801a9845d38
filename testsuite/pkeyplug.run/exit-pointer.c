/* exit called through a function pointer taken in a granting function,
   inside the grant (exit-table.c: through a static table filled in a
   unit without keys).  The atexit handler and the destructor run with
   the key locked.  In a static link (link-static-exit-pointer.c) nothing
   can interpose exit: the plugin gives out the address of a stand-in
   that locks first.  */
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
at_exit (void)
{
  printf ("atexit: locked %d\n", !CAN_READ (secret));
}

static void __attribute__ ((destructor))
destructor (void)
{
  printf ("destructor: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
finish (void)
{
  void (*volatile by_pointer) (int) = exit;
  secret++;
#ifdef BY_TABLE
  by_pointer = exit_table[0];
#endif
  by_pointer (0);
}

int
main (void)
{
  atexit (at_exit);
  finish ();
  return 1;
}
/* { dg-output "^atexit: locked 1\ndestructor: locked 1\n$" } */
