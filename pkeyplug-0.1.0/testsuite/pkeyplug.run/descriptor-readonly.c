/* The key descriptor the gates trust is read-only once the runtime has
   filled it: writing it kills the process with a plain SIGSEGV.  */
/* { dg-do run } */
/* { dg-additional-sources "aux/descriptor-peek.c" } */
/* { dg-exit-status 139 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");
volatile unsigned int *vault_descriptor (void);

int
main (void)
{
  volatile unsigned int *desc = vault_descriptor ();
  printf ("gate kind %u\n", desc[0]);
  fflush (stdout);
  desc[0] = 0;			/* would turn the gates off */
  printf ("descriptor was writable\n");
  return 0;
}
/* { dg-output "^gate kind \[12\]\n$" } */
