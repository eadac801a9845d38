/* __pkeyplug_register_unit called by the attacker with forged unit
   tables, after harden=1 is in place (hw mode).  Each child of the test
   tries one:
   - the policy "readonly" for a key that no unit has stated a policy for
     yet (a key only granted, whose secrets are on the heap), which would
     let the calling thread read the key's every block;
   - the static secret as an object of another key, which would retag its
     page;
   - a new key.
   Each stops the process with status 86 before it changes anything: the
   filter, built for the keys and pages there were, cannot guard
   changes.  Without harden=1, pkey_mprotect does as much (see
   mem-unhardened.c).  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>
#include <pkeyplug-abi.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";
int other PKEY_PROTECT_READONLY ("public") = 1;
static char *block;

/* A grant, and no object: the key's policy stays unknown.  */
PKEY_GRANT ("session") static void
put (char *p, const char *s)
{
  strcpy (p, s);
}

__attribute__ ((constructor)) static void
make_block (void)
{
  block = pkeyplug_malloc ("session", 64);
  put (block, "session secret");
}

/* Register the one-entry unit E in a child; say how the child ended and
   whether it could read P afterwards.  */
static void
forge (const char *what, struct pkeyplug_unit_entry e, volatile unsigned char *p)
{
  int status;

  fflush (stdout);
  if (fork () == 0)
    {
      e.file = "forged.c";
      e.line = 1;
      __pkeyplug_register_unit (&e, 1, PKEYPLUG_ABI_VERSION);
      printf ("%s: registered, can read %d\n", what, probe (p, 0));
      fflush (stdout);
      _exit (0);
    }
  wait (&status);
  printf ("%s: exit %d\n", what, WEXITSTATUS (status));
}

int
main (void)
{
  struct pkeyplug_unit_entry e;

  printf ("block locked %d\n", !probe ((volatile unsigned char *) block, 0));

  memset (&e, 0, sizeof e);
  e.kind = PKEYPLUG_ENTRY_KEY;
  e.policy = PKEYPLUG_POLICY_READONLY;
  e.flags = PKEYPLUG_KEY_POLICY_KNOWN;
  e.key = "session";
  forge ("readonly policy", e, (volatile unsigned char *) block);

  memset (&e, 0, sizeof e);
  e.kind = PKEYPLUG_ENTRY_VAR;
  e.key = "public";
  e.addr = secret;
  e.size = sizeof secret;
  e.name = "secret";
  forge ("object of another key", e, (volatile unsigned char *) secret);

  memset (&e, 0, sizeof e);
  e.kind = PKEYPLUG_ENTRY_KEY;
  e.flags = PKEYPLUG_KEY_POLICY_KNOWN;
  e.policy = PKEYPLUG_POLICY_READONLY;
  e.key = "fresh";
  forge ("new key", e, (volatile unsigned char *) secret);
  return 0;
}
/* { dg-output "block locked 1\n" } */
/* { dg-output "pkeyplug: harden=1: unit forged.c states the policy of key 'session' after the filter is in place\n" } */
/* { dg-output "readonly policy: exit 86\n" } */
/* { dg-output "pkeyplug: harden=1: unit forged.c registers 'secret' \\(key 'public'\\) after the filter is in place: it cannot be protected\n" } */
/* { dg-output "object of another key: exit 86\n" } */
/* { dg-output "pkeyplug: harden=1: key 'fresh' of unit forged.c is new, but the filter is in place already\n" } */
/* { dg-output "new key: exit 86\n" } */
