/* abort through a pointer that the dynamic linker gave at run time, out
   of the plugin's sight, inside a grant: the shared runtime's abort
   locks the key before the SIGABRT handler runs (emulate mode; in hw
   mode the kernel locks every key for a handler anyway).  */
/* { dg-do run } */

#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
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
finish (void (*stop) (void))
{
  secret++;
  stop ();
}

int
main (void)
{
  void (*stop) (void) = (void (*) (void)) dlsym (RTLD_DEFAULT, "abort");

  if (!stop)
    return 2;
  signal (SIGABRT, on_abort);
  finish (stop);
  return 1;
}
/* { dg-exit-status 4 } */
/* { dg-output "^SIGABRT handler: locked 1\n$" } */
