/* A granting function called from .preinit_array works, and the key is
   locked once main runs.  The shared runtime has set the key up by then
   (it starts first); in a static link (link-static-before-runtime.c) this
   entry comes before the runtime's, and the gates, with the key not set
   up yet, do nothing.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 40;
static int early;

PKEY_GRANT ("vault") static int
use_secret (void)
{
  return ++secret;
}

static void
preinit (int argc, char **argv, char **envp)
{
  (void) argc; (void) argv; (void) envp;
  early = use_secret ();
}
__attribute__ ((section (".preinit_array"), used))
static void (*preinit_entry) (int, char **, char **) = preinit;

int
main (void)
{
  printf ("mode %s, early %d, locked %d, now %d\n",
	  pkeyplug_mode_name (pkeyplug_mode ()), early, !CAN_READ (secret),
	  use_secret ());
  return !(early == 41 && !CAN_READ (secret));
}
/* { dg-output "mode (hw|emulate), early 41, locked 1, now 42" } */
