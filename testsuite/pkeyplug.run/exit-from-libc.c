/* error () called inside a grant exits from inside the C library, where
   the plugin's locking and an interposed exit do not reach (the same in
   a static link: link-static-exit-from-libc.c).  The atexit handler runs
   with the key locked: the runtime locks the thread's keys in a
   thread-local destructor, which exit runs first.  */
/* { dg-do run } */

#include <error.h>
#include <stdio.h>
#include <stdlib.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static void
at_exit (void)
{
  printf ("atexit: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
fail (void)
{
  fflush (stdout);
  error (8, 0, "giving up with secret %d", secret);
}

int
main (void)
{
  atexit (at_exit);
  fail ();
  return 1;
}
/* { dg-exit-status 8 } */
/* { dg-output "giving up with secret 1\n.*atexit: locked 1\n$" } */
