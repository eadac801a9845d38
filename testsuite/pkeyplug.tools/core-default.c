/* A real core file leaves protected memory out by default: a child
   fills a protected array, a heap secret and an ordinary global with
   known bytes, then aborts outside every grant; its core file (the
   kernel's, in a fresh directory) holds the ordinary global's bytes but
   neither secret's (MADV_DONTDUMP), in both modes.  The VmFlags tests
   (dontdump-*.c) check the flag itself.  */
/* { dg-do run } */
/* { dg-require-core-file "" } */

#include "core.h"

static unsigned char secret[PATTERN_LEN] PKEY_PROTECT ("vault");
unsigned char ordinary[PATTERN_LEN];

PKEY_GRANT ("vault") static void
fill (unsigned char *block)
{
  pattern_fill (secret, 1);
  pattern_fill (block, 2);
}

static void
crash (void)
{
  fill (pkeyplug_malloc ("vault", PATTERN_LEN));
  pattern_fill (ordinary, 3);
  abort ();
}

int
main (void)
{
  return core_test (crash, 1, 2, 3);
}
/* { dg-output "mode (hw|emulate)\n" } */
/* { dg-output "child: signal 6, core dumped 1\n" } */
/* { dg-output "core: static secret 0, heap secret 0, ordinary global 1\n" } */
