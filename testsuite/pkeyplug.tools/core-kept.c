/* PKEYPLUG_OPTIONS=dontdump=0 keeps protected memory in a real core
   file: a child fills a protected array and a heap secret inside a grant
   and crashes there (a fault of its own, a write to address 0); its core
   holds both secrets' bytes (and the ordinary global's), in both modes:
   the thread that dumps may read the key.  core-default.c is the same
   crash without the option; core-kept-abort.c calls abort there
   instead, core-violation.c reads outside the grant.  */
/* { dg-do run } */
/* { dg-require-core-file "" } */
/* { dg-env PKEYPLUG_OPTIONS "dontdump=0" } */

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
/* { dg-output "core: static secret 1, heap secret 1, ordinary global 1\n" } */
