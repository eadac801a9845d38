/* A key name that no unit uses gets its key at the first pkeyplug_malloc:
   a new key, locked (noaccess); the runtime can still zero and free its
   blocks without any grant.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS verbose=1 } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int
main (void)
{
  int before = pkeyplug_key_of ("orphan"), count = pkeyplug_key_count ();
  char *p = pkeyplug_malloc ("orphan", 48);
  char *q = pkeyplug_realloc (p, 4000);
  int known = pkeyplug_key_of ("orphan") >= 0;

  printf ("before %d, after %d, keys +%d, locked %d\n", before, known,
	  pkeyplug_key_count () - count, q && !CAN_READ (q[0]));
  pkeyplug_free (q);
  return !(before == -1 && known);
}
/* { dg-output "pkeyplug: key 'orphan' -> (hw key \[0-9\]+|emulated), made by pkeyplug_malloc\n" } */
/* { dg-output "before -1, after 1, keys \\+1, locked 1" } */
