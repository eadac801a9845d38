/* quick_exit through a pointer that the dynamic linker gave at run time,
   out of the plugin's sight, inside a grant: the shared runtime's
   quick_exit locks the key before the at_quick_exit handler runs.  */
/* { dg-do run } */

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static void
at_quick (void)
{
  printf ("at_quick_exit: locked %d\n", !CAN_READ (secret));
  fflush (stdout);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
finish (void (*leave) (int))
{
  secret++;
  leave (5);
}

int
main (void)
{
  void (*leave) (int) = (void (*) (int)) dlsym (RTLD_DEFAULT, "quick_exit");

  if (!leave)
    return 2;
  at_quick_exit (at_quick);
  finish (leave);
  return 1;
}
/* { dg-exit-status 5 } */
/* { dg-output "^at_quick_exit: locked 1\n$" } */
