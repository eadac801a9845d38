/* dontdump=0 and abort called inside a grant: the exact limit.  The
   kernel writes a page into a core file only if the thread that dumps
   may read it, and abort locks the thread's keys before it raises
   SIGABRT (README, exit and abort in a grant).  The emulation's
   PROT_NONE pages are written anyway (the kernel forces the read), so in
   emulate mode the core holds both secrets; in hw mode the thread's PKRU
   denies the key by then, and the kernel writes zeros for its pages:
   neither secret is in the core.  The same holds for abort outside every
   grant.  A fault inside the grant keeps them (core-kept.c); a violation
   report opens every key first (core-violation.c).  */
/* { dg-do run } */
/* { dg-require-core-file "" } */
/* { dg-env PKEYPLUG_OPTIONS "dontdump=0" } */

#include "core.h"

static unsigned char secret[PATTERN_LEN] PKEY_PROTECT ("vault");
unsigned char ordinary[PATTERN_LEN];

PKEY_GRANT ("vault") static void
fill_and_abort (unsigned char *block)
{
  pattern_fill (secret, 1);
  pattern_fill (block, 2);
  abort ();
}

static void
crash (void)
{
  pattern_fill (ordinary, 3);
  fill_and_abort (pkeyplug_malloc ("vault", PATTERN_LEN));
}

int
main (void)
{
  return core_test (crash, 1, 2, 3);
}
/* { dg-output "(mode emulate\nchild: signal 6, core dumped 1\ncore: static secret 1, heap secret 1, ordinary global 1\n" } */
/* { dg-output "|mode hw\nchild: signal 6, core dumped 1\ncore: static secret 0, heap secret 0, ordinary global 1\n)" } */
