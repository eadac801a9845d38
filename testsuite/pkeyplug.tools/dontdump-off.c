/* PKEYPLUG_OPTIONS=dontdump=0 keeps protected pages, static and heap, in
   core dumps (no MADV_DONTDUMP) for a developer chasing a crash, and
   verbose=1 says so; the pages are as locked as ever.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS "dontdump=0,verbose=1" } */

#include <pkeyplug.h>
#include "dump.h"
#include "../pkeyplug.run/probe.h"

static char secret[100] PKEY_PROTECT ("vault") = "in the dump?";
char neighbour[100] = "always in the dump";

int
main (void)
{
  void *block = pkeyplug_malloc ("vault", 64);
  printf ("static %d, heap %d, neighbour %d, locked %d\n",
	  dontdump_of (secret), dontdump_of (block), dontdump_of (neighbour),
	  !CAN_READ (secret[0]));
  pkeyplug_free (block);
  return 0;
}
/* { dg-output "pkeyplug: dontdump=0: protected pages are kept in core dumps\n" } */
/* { dg-output "(\[^\n\]*\n)*static 0, heap 0, neighbour 0, locked 1\n" } */
