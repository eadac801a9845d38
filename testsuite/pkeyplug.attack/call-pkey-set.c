/* Attack: call the C library's pkey_set with arguments of the attacker's
   choosing, outside every grant: pkey_set (K, 0) for the key that
   protects the secret, then read it.  glibc's pkey_set is an exported
   RDPKRU/WRPKRU pair: before the runtime guarded it, the call opened the
   key and the read printed the secret.  Now the call is refused: the
   process aborts with a one-line message before anything is read.  The
   program's own key (one pkeyplug does not manage) still works.  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#define _GNU_SOURCE 1

#include <stdio.h>
#include <sys/mman.h>
#include "attack.h"
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

static char secret[32] PKEY_PROTECT ("vault") = "the vault's secret";

/* Through a pointer, as a corrupted callback would call it.  */
int (*volatile call) (int, unsigned int) = pkey_set;

int
main (void)
{
  int own = pkey_alloc (0, PKEY_DISABLE_ACCESS);
  int set;
  char buf[32];

  /* The program's own key: pkey_set works for it as before.  */
  set = call (own, 0);
  printf ("own key %d: set %d, readable %d\n", own > 0, set,
	  (pkey_get (own) & PKEY_DISABLE_ACCESS) == 0);
  fflush (stdout);
  call (pkeyplug_key_of ("vault"), 0);
  attack_copy (buf, sizeof buf, secret);
  printf ("read \"%s\"\n", buf);
  return 0;
}
/* { dg-output "own key 1: set 0, readable 1\n" } */
/* { dg-output "pkeyplug: pkey_set \\(\[0-9\]+, 0\\): hardware key \[0-9\]+ is pkeyplug's; only its gates change its rights\n" } */
/* { dg-exit-status 134 } */
