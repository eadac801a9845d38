/* The emulation's entry points, exported for the gates of emulated keys,
   called by the attacker on a hardware key (hw mode, harden=1): with the
   key's real descriptor, and with a forged copy that says "emulated",
   for every slot of the key table.  The runtime's key table, not the
   descriptor, decides what is emulated: they open nothing, change no
   page, and PKRU stays as it was.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */
/* { dg-additional-sources "aux/descriptor.c" } */

#define _GNU_SOURCE
#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>
#include <pkeyplug-abi.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";
struct pkeyplug_key_desc *vault_descriptor (void);

int
main (void)
{
  static struct pkeyplug_key_desc forged;
  struct pkeyplug_key_desc *desc = vault_descriptor ();
  unsigned int pkru = probe_rdpkru (), tokens = 0;
  uint32_t slot;

  tokens |= __pkeyplug_emulate_open (desc, PKEYPLUG_GRANT_READ
				     | PKEYPLUG_GRANT_WRITE);
  printf ("real descriptor: can read %d\n", CAN_READ (secret[0]));
  forged = *desc;
  forged.gate = PKEYPLUG_GATE_EMULATE;
  for (slot = 0; slot < 64; slot++)
    {
      forged.slot = slot;
      tokens |= __pkeyplug_emulate_open (&forged, PKEYPLUG_GRANT_READ
					 | PKEYPLUG_GRANT_WRITE);
      if (CAN_READ (secret[0]))
	printf ("slot %u opened it\n", slot);
      __pkeyplug_emulate_close (&forged, 0);
      __pkeyplug_emulate_close (&forged, PKEYPLUG_GRANT_WRITE);
    }
  printf ("forged descriptors: tokens %u, can read %d, pkru unchanged %d\n",
	  tokens, CAN_READ (secret[0]), probe_rdpkru () == pkru);
  return 0;
}
/* { dg-output "^real descriptor: can read 0\n" } */
/* { dg-output "forged descriptors: tokens 0, can read 0, pkru unchanged 1\n$" } */
