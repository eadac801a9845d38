/* dlmod.c -- a module with a secret of its own, loaded with dlopen by
   dlmain.c.  Its constructor of priority 50 runs before its unit's (100)
   and, with no other unit loaded by the same dlopen, before its unit
   registers.  */
#include <stdio.h>
#include <pkeyplug.h>

int module_secret PKEY_PROTECT ("modkey") = 7;
int early_read = -1;

__attribute__ ((constructor (50))) static void
early (void)
{
  early_read = *(volatile int *) &module_secret;
}

int *
module_secret_address (void)
{
  return &module_secret;
}
