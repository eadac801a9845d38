/* Attack: call the runtime's exported __pkeyplug_rights_restore, outside
   every grant, with a save area of one's own that says every key was
   open: a PKRU value of 0 (hw mode) and read-write levels for every key
   (the emulation).  The restore may only close: both keys stay locked.
   Before, it wrote PKRU 0 (hw) and raised the emulation's levels, which
   opened the pages for the whole process.  */
/* { dg-do run } */

#include <stdio.h>
#include <string.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

extern void __pkeyplug_rights_restore (const void *buf);

int secret PKEY_PROTECT ("vault") = 1;
int other PKEY_PROTECT ("other") = 2;

int
main (void)
{
  /* What rights.c keeps: mode, PKRU, a level per key slot, the sealed
     gates' counts.  */
  struct
  {
    unsigned int mode, pkru;
    unsigned char levels[64];
    unsigned int counts[32];
  } forged;

  memset (&forged, 0, sizeof forged);
  forged.mode = pkeyplug_mode ();
  forged.pkru = 0;
  memset (forged.levels, 2, sizeof forged.levels);
  __pkeyplug_rights_restore (&forged);
  printf ("after a forged restore: vault %d other %d\n", CAN_READ (secret),
	  CAN_READ (other));
  return 0;
}
/* { dg-output "after a forged restore: vault 0 other 0\n" } */
