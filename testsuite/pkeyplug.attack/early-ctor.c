/* Attack: a constructor of the program that runs before the units'
   (priority below 100) reads the secret.  The runtime has protected it
   before any constructor: the read faults.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */
/* { dg-options "-Wno-prio-ctor-dtor" } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;

__attribute__ ((constructor (50))) static void
early_peek (void)
{
  printf ("constructor read %d\n", *(volatile int *) &secret);
}

int
main (void)
{
  return 0;
}
/* { dg-output "^pkeyplug: protection violation: read of 'secret' at offset 0 \\(object of 4 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
