/* report=continue-in-emulate: a write to a key's object in a read-only
   section cannot be let through (no grant makes it writable either): it
   is reported and ends the process.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS "mode=emulate,report=continue-in-emulate" } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

const int table[4] PKEY_PROTECT ("vault") = { 1, 2, 3, 4 };

int
main (void)
{
  printf ("read %d\n", ((volatile const int *) table)[1]);
  fflush (stdout);
  ((volatile int *) table)[2] = 5;
  printf ("not reached\n");
  return 0;
}
/* { dg-output "^pkeyplug: protection violation: read of 'table' at offset 4 \\(object of 16 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(emulated, mprotect\\)\n" } */
/* { dg-output "(?:\[^\n\]*\n){3}" } */
/* { dg-output "pkeyplug:   continuing \\(report=continue-in-emulate\\)\n" } */
/* { dg-output "read 2\n" } */
/* { dg-output "pkeyplug: protection violation: write to 'table' at offset 8 \\(object of 16 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(emulated, mprotect\\)\n" } */
/* { dg-output "(?:\[^\n\]*\n){3}$" } */
