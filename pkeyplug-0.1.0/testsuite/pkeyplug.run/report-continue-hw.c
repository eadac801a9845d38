/* Real PKU only: report=continue-in-emulate cannot let a hardware key's
   access through.  The runtime says so at start-up, and a violation of a
   hw key is reported and ends the process as with report=abort.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS "report=continue-in-emulate" } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;

int
main (void)
{
  printf ("mode %s\n", pkeyplug_mode_name (pkeyplug_mode ()));
  fflush (stdout);
  printf ("read %d\n", *(volatile int *) &secret);
  return 0;
}
/* { dg-output "^pkeyplug: report=continue-in-emulate: mode is hw, so a violation of a hardware key still ends the process; only emulated keys \\(overflow=emulate\\) continue\n" } */
/* { dg-output "mode hw\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'secret' at offset 0 \\(object of 4 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(hw key \[0-9\]+, SEGV_PKUERR\\)\n" } */
/* { dg-output "pkeyplug:   at \[^\n\]*\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
/* { dg-output "pkeyplug:   'secret' is defined at \[^\n\]*\n$" } */
