/* The attacker writes ordinary memory: the runtime's configuration (the
   mode, report=, log_path=) was ordinary memory too, and a write that
   set the mode to off made the runtime believe nothing was protected
   (pkeyplug_mode () said "off").  Start-up now makes the configuration's
   page read-only: the write faults.  Linked statically, so that the test
   can name the runtime's hidden pointer to it, as an attacker who reads
   the symbol table of the program could find it.  */
/* { dg-do run } */
/* { dg-options "-static" } */
/* { dg-exit-status 139 } */

#include <pkeyplug.h>
#include <stdio.h>

int secret __attribute__ ((pkey ("vault"))) = 42;

/* runtime/config.c; the mode is the first field.  */
extern void *const pkeyrt_config;

int
main (void)
{
  printf ("mode %s\n", pkeyplug_mode_name (pkeyplug_mode ()));
  fflush (stdout);
  *(volatile int *) pkeyrt_config = PKEYPLUG_MODE_OFF;
  printf ("after the write: mode %s\n", pkeyplug_mode_name (pkeyplug_mode ()));
  return 0;
}

/* { dg-output "^mode (hw|emulate)\n$" } */
