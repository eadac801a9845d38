/* By default protected pages, static and heap, are left out of core
   dumps (MADV_DONTDUMP), and their ordinary neighbours are not.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS "" } */

#include <pkeyplug.h>
#include "dump.h"

static char secret[100] PKEY_PROTECT ("vault") = "in the dump?";
char neighbour[100] = "always in the dump";

int
main (void)
{
  void *block = pkeyplug_malloc ("vault", 64);
  printf ("static %d, heap %d, neighbour %d\n", dontdump_of (secret),
	  dontdump_of (block), dontdump_of (neighbour));
  pkeyplug_free (block);
  return 0;
}
/* { dg-output "static 1, heap 1, neighbour 0\n" } */
