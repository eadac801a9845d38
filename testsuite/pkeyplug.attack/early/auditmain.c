/* auditmain.c -- a program with a secret that an LD_AUDIT module
   (audit.c) reads before any initialiser runs.  */
#include <stdio.h>
#include "../../pkeyplug.run/probe.h"
#include <pkeyplug.h>

char secret_text[32] PKEY_PROTECT ("vault") = "audit-secret-42";

int
main (void)
{
  printf ("main: locked %d\n", !CAN_READ (secret_text[0]));
  return 0;
}
