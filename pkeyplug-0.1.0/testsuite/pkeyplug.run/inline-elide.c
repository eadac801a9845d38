/* Gates of granting functions inlined into granting callers (elided
   where the caller holds the key, kept where it holds less): every
   access still works, and the rights after each call are those before.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static inline PKEY_GRANT ("vault") void
bump (void)
{
  secret++;
}

static inline PKEY_GRANT_READ ("vault") int
peek (void)
{
  return secret;
}

PKEY_GRANT ("vault") static int
outer (void)
{
  bump ();
  return peek () + CAN_WRITE (secret);
}

PKEY_GRANT_READ ("vault") static int
outer_read (void)
{
  /* The inlined bump's gate must still open the key for writing, and
     close it back to reading.  */
  bump ();
  return peek () * 10 + CAN_READ (secret) * 2 + CAN_WRITE (secret);
}

int
main (void)
{
  int a = outer ();
  int b = outer_read ();
  printf ("outer %d, outer_read %d, locked after %d\n", a, b,
	  !CAN_READ (secret));
  return 0;
}
/* { dg-output "^outer 3, outer_read 32, locked after 1\n$" } */
