/* A real core file leaves protected memory out by default: a child
   fills a protected array, a heap secret and an ordinary global with
   known bytes and crashes inside the grant (a fault of its own, a write
   to address 0), where the thread may read the key; its core file (the
   kernel's, in a fresh directory) holds the ordinary global's bytes but
   neither secret's (MADV_DONTDUMP), in both modes.  core-kept.c is the
   same crash with dontdump=0.  The VmFlags tests (dontdump-*.c) check
   the flag itself.  */
/* { dg-do run } */
/* { dg-require-core-file "" } */

#include <stdint.h>
#include "core.h"

static unsigned char secret[PATTERN_LEN] PKEY_PROTECT ("vault");
unsigned char ordinary[PATTERN_LEN];
volatile uintptr_t zero;

PKEY_GRANT ("vault") static void
fill_and_crash (unsigned char *block)
{
  pattern_fill (secret, 1);
  pattern_fill (block, 2);
  *(volatile int *) (uintptr_t) zero = 1;
}

static void
crash (void)
{
  pattern_fill (ordinary, 3);
  fill_and_crash (pkeyplug_malloc ("vault", PATTERN_LEN));
}

int
main (void)
{
  return core_test (crash, 1, 2, 3);
}
/* { dg-output "mode (hw|emulate)\n" } */
/* { dg-output "child: signal 11, core dumped 1\n" } */
/* { dg-output "core: static secret 0, heap secret 0, ordinary global 1\n" } */
