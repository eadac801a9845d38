/* pkeyplug_realloc and pkeyplug_free called by the attacker, outside any
   grant, in hw mode with harden=1.  Nothing leaves the key: realloc
   copies a block only into another block of the same key, which stays
   locked, and a pointer that is not a live block stops the process.
   The limit: neither needs a grant, so code that knows where a block is
   can shrink it (what it no longer holds is zeroed) or free it (all of it
   is zeroed): it cannot read the secret, but it can destroy it.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */
/* { dg-exit-status 134 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

PKEY_GRANT ("vault") static void
put (char *p, const char *s)
{
  strcpy (p, s);
}

/* The first 16 bytes of P, as text; '_' for zeros.  */
PKEY_GRANT ("vault") static const char *
show (const char *p)
{
  static char buf[17];
  int i;

  for (i = 0; i < 16; i++)
    buf[i] = p[i] ? p[i] : '_';
  return buf;
}

int
main (void)
{
  char *p = pkeyplug_malloc ("vault", 64), *q, *r;

  setvbuf (stdout, NULL, _IONBF, 0);
  put (p, "heap secret");
  q = pkeyplug_realloc (p, 2000);
  printf ("realloc: moved %d, locked %d, holds '%s'\n", q != p,
	  !CAN_READ (q[0]), show (q));
  printf ("old block '%s'\n", show (p));
  r = pkeyplug_realloc (q, 4);
  printf ("realloc to 4 bytes: locked %d, holds '%s'\n", !CAN_READ (r[0]),
	  show (r));
  pkeyplug_free (r);
  printf ("freed: '%s'\n", show (r));
  pkeyplug_free (secret);
  printf ("freed a static secret\n");
  return 0;
}
/* { dg-output "realloc: moved 1, locked 1, holds 'heap secret_____'\n" } */
/* { dg-output "old block '________________'\n" } */
/* { dg-output "realloc to 4 bytes: locked 1, holds 'heap____________'\n" } */
/* { dg-output "freed: '________________'\n" } */
/* { dg-output "pkeyplug: pkeyplug_free: 0x\[0-9a-f\]+ is not a live block of pkeyplug_malloc \\(a foreign pointer, or one freed already\\)\n$" } */
