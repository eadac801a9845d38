/* Before the runtime has set a key up, its gates do nothing: a granting
   function called from .preinit_array (which runs before every
   constructor, the runtime's included) works, and the key is locked once
   main runs.  */
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
