/* Annotated constructors and destructors: a constructor runs after the
   runtime has set the keys up (unit tables register at priority 100) and
   gets its grant, as does a destructor.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");
static int locked_in_ctor;

PKEY_GRANT ("vault") __attribute__ ((constructor)) static void
init_secret (void)
{
  secret = 42;
  locked_in_ctor = pkeyplug_mode () != PKEYPLUG_MODE_UNINITIALIZED;
}

PKEY_GRANT ("vault") __attribute__ ((destructor)) static void
wipe_secret (void)
{
  secret = 0;
  printf ("destructor wiped the secret\n");
}

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int
main (void)
{
  printf ("runtime ready in constructor %d, secret %d, locked %d\n",
	  locked_in_ctor, get (), !CAN_READ (secret));
  return 0;
}
/* { dg-output "runtime ready in constructor 1, secret 42, locked 1\n" } */
/* { dg-output "destructor wiped the secret" } */
