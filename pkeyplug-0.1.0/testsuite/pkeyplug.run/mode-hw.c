/* With PKU the runtime picks hw mode, allocates a real key and says so.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS verbose=1 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");

int
main (void)
{
  int k = pkeyplug_key_of ("vault");
  printf ("mode %s, key in range %d\n",
	  pkeyplug_mode_name (pkeyplug_mode ()), k >= 1 && k <= 15);
  return pkeyplug_mode () != PKEYPLUG_MODE_HW;
}
/* { dg-output "pkeyplug: mode hw \\(PKU present\\)\n" } */
/* { dg-output "pkeyplug: key 'vault' -> hw key \[0-9\]+\[^\n\]*\n" } */
/* { dg-output "mode hw, key in range 1" } */
