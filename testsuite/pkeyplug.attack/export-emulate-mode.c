/* What emulate mode promises against code that calls the runtime: its
   gates are calls into libpkeyrt, __pkeyplug_emulate_open and
   __pkeyplug_emulate_close, which anyone can make with a key's
   descriptor: the attacker opens the key for itself and reads the
   secret.  Emulate mode catches stray accesses; it does not stop an
   attacker who calls functions (nor can harden=1 run with it).  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mode=emulate } */
/* { dg-additional-sources "aux/descriptor.c" } */

#define _GNU_SOURCE
#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include "attack.h"
#include <pkeyplug.h>
#include <pkeyplug-abi.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";
struct pkeyplug_key_desc *vault_descriptor (void);

int
main (void)
{
  struct pkeyplug_key_desc *desc = vault_descriptor ();
  uint32_t token;
  char buf[64];

  printf ("locked %d\n", !CAN_READ (secret[0]));
  token = __pkeyplug_emulate_open (desc, PKEYPLUG_GRANT_READ
				   | PKEYPLUG_GRANT_WRITE);
  attack_copy (buf, sizeof buf, secret);
  printf ("read '%s'\n", buf);
  __pkeyplug_emulate_close (desc, token);
  printf ("locked again %d\n", !CAN_READ (secret[0]));
  return 0;
}
/* { dg-output "locked 1\n" } */
/* { dg-output "read 's3cret'\n" } */
/* { dg-output "locked again 1\n" } */
