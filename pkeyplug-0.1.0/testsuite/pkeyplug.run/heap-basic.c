/* A heap block of a key is readable and writable inside a function that
   grants the key and nowhere else; it keeps its contents between grants;
   size 0 gives unique blocks; freeing NULL does nothing.  */
/* { dg-do run } */

#include <stdio.h>
#include <string.h>
#include "probe.h"
#include <pkeyplug.h>
#include "expect.h"

PKEY_GRANT ("vault") static void
store (char *p)
{
  expect (CAN_WRITE (p[0]) && CAN_WRITE (p[99]), "writable in the grant");
  strcpy (p, "hunter2");
}

PKEY_GRANT_READ ("vault") static int
check (const char *p)
{
  expect (CAN_READ (p[0]), "readable in a read grant");
  expect (!CAN_WRITE (((char *) p)[0]), "read-only in a read grant");
  return strcmp (p, "hunter2") == 0;
}

int
main (void)
{
  char *p = pkeyplug_malloc ("vault", 100);
  void *z1 = pkeyplug_malloc ("vault", 0);
  void *z2 = pkeyplug_malloc ("vault", 0);

  expect (p != NULL && z1 != NULL && z2 != NULL, "allocations succeed");
  expect (((unsigned long) p & 15) == 0, "16-byte alignment");
  expect (z1 != z2 && z1 != p && z2 != p, "size 0 gives unique blocks");
  expect (pkeyplug_key_of ("vault") >= 0, "the key is known");
  expect (!CAN_READ (p[0]) && !CAN_READ (p[99]), "locked outside grants");
  store (p);
  expect (!CAN_READ (p[0]) && !CAN_WRITE (p[0]), "locked after the grant");
  expect (check (p), "contents kept between grants");
  expect (!CAN_READ (p[0]), "locked after the read grant");
  pkeyplug_free (z1);
  pkeyplug_free (z2);
  pkeyplug_free (p);
  pkeyplug_free (NULL);
  printf ("mode %s, failures: %d\n", pkeyplug_mode_name (pkeyplug_mode ()),
	  failures);
  return failures != 0;
}
/* { dg-output "mode (hw|emulate), failures: 0" } */
