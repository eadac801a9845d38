/* Limit: in a static program (libpkeyrt.a) the runtime's .preinit_array
   entry comes after those of the objects linked before libpkeyrt.a, in
   link order: this one reads the secret before it is protected.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;
static int early;

static void
early_peek (int argc, char **argv, char **envp)
{
  (void) argc; (void) argv; (void) envp;
  early = *(volatile int *) &secret;
}
__attribute__ ((section (".preinit_array"), used))
static void (*early_entry) (int, char **, char **) = early_peek;

int
main (void)
{
  printf ("preinit read %d, locked in main %d\n", early, !CAN_READ (secret));
  return 0;
}
/* { dg-output "^preinit read 42, locked in main 1\n" } */
