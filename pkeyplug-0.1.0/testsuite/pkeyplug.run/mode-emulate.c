/* Without PKU the runtime picks emulate mode, says so when verbose, and
   reports it through the API.  */
/* { dg-do run } */
/* { dg-require-no-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS verbose=1 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");

int
main (void)
{
  printf ("mode %s, key %d, keys %d, unknown %d\n",
	  pkeyplug_mode_name (pkeyplug_mode ()), pkeyplug_key_of ("vault"),
	  pkeyplug_key_count (), pkeyplug_key_of ("nosuchkey"));
  return pkeyplug_mode () != PKEYPLUG_MODE_EMULATE;
}
/* { dg-output "pkeyplug: mode emulate \\(no PKU\[^\n\]*\\)\n" } */
/* { dg-output "pkeyplug: key 'vault' -> emulated\[^\n\]*\n" } */
/* { dg-output "mode emulate, key 0, keys 1, unknown -1" } */
