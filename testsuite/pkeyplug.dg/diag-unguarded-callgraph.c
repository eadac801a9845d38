/* The unguarded-access warning follows the unit's call graph: a static
   helper that only granting functions (or other such helpers) call is not
   warned about; one that some other function also calls is, with a note
   naming that caller, and the fix-it grants the helper itself, the
   narrowest function that covers the access.  A public function, or one
   whose address is taken, may be called from anywhere: warned.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdiagnostics-parseable-fixits" } */

#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault");

static int
helper (int i)
{
  return master_key[i];		/* { dg-bogus "without holding" } */
}

static int
helper2 (int i)
{
  return helper (i) + 1;
}

static int
recursive (int i)
{
  return i ? recursive (i - 1) : master_key[0];	/* { dg-bogus "without holding" } */
}

PKEY_GRANT ("vault") int
sign (int i)
{
  return helper2 (i) + recursive (i);
}

static int
leaky (int i)
{
  return master_key[i];		/* { dg-warning "'leaky' reads 'master_key' without holding its key 'vault'" } */
}

PKEY_GRANT ("vault") int
sign2 (int i)
{
  return leaky (i);
}

int
exported (int i)
{
  return master_key[i];		/* { dg-warning "'exported' reads 'master_key' without holding its key 'vault'" } */
}

static int
pointed (int i)
{
  return master_key[i];		/* { dg-warning "'pointed' reads 'master_key' without holding its key 'vault'" } */
}

int (*volatile pointer) (int) = pointed;

int
main (void)			/* { dg-message "'main' calls it without holding key 'vault'" } */
{
  return sign (1) + sign2 (2) + leaky (3) + exported (4);
}
/* { dg-message {\{39:1-39:1\}:"__attribute__ \(\(pkey \(.*vault.*\)\)\) "} "" { target *-*-* } 0 } */
