/* With mode=off the heap functions still work, and protect nothing: the
   blocks are readable and writable everywhere; freed memory is still
   zeroed.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mode=off } */

#include <stdio.h>
#include <string.h>
#include "probe.h"
#include <pkeyplug.h>

PKEY_GRANT ("vault") static int
granted (char *p)
{
  return strcmp (p, "open") == 0;
}

int
main (void)
{
  char *p = pkeyplug_malloc ("vault", 32);
  char *big = pkeyplug_calloc ("vault", 5000, 2);
  int ok = p && big && CAN_WRITE (p[0]) && CAN_WRITE (big[9999]);

  strcpy (p, "open");
  ok = ok && granted (p);
  p = pkeyplug_realloc (p, 3000);
  ok = ok && p && strcmp (p, "open") == 0 && big[9999] == 0;
  memset (big, 1, 10000);
  pkeyplug_free (big);
  pkeyplug_free (p);
  /* A freed block stays mapped, zeroed.  */
  p = pkeyplug_malloc ("vault", 32);
  strcpy (p, "secret");
  pkeyplug_free (p);
  ok = ok && ((volatile char *) p)[0] == 0;
  printf ("mode %s, ok %d\n", pkeyplug_mode_name (pkeyplug_mode ()), ok);
  return !ok;
}
/* { dg-output "mode off, ok 1" } */
