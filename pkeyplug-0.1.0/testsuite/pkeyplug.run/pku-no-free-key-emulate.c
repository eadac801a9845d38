/* Real PKU only: with every hardware key held by other code and
   overflow=emulate, the runtime stays in hw mode, says that no key was
   free, and emulates the key: locked outside its grant, open inside.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS "overflow=emulate,verbose=1" } */

#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include "probe.h"
#include "expect.h"
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha") = 5;

#include "hog-keys.h"

PKEY_GRANT ("alpha") static int
get (void)
{
  return a;
}

int
main (void)
{
  expect (pkeyplug_mode () == PKEYPLUG_MODE_HW, "mode hw");
  expect (pkeyplug_key_mode ("alpha") == PKEYPLUG_MODE_EMULATE,
	  "key emulated");
  expect (get () == 5, "open inside the grant");
  expect (!CAN_READ (a), "locked outside");
  printf ("failures %d\n", failures);
  return failures;
}
/* { dg-output "^pkeyplug: mode hw \\(PKU present, no hardware key free now; keys beyond the free hardware keys are emulated, overflow=emulate\\)\n" } */
/* { dg-output "pkeyplug: key 'alpha' -> emulated \\(no hw key left, overflow=emulate\\)\[^\n\]*\n" } */
/* { dg-output "failures 0\n$" } */
