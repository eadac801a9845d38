/* dontdump=0 and a violation: the runtime's report ends the process with
   a core dump, and first gives the thread read access to every hardware
   key (the kernel writes a page into the core only if the dumping thread
   may read it), so the core holds both secrets in both modes, though the
   violation happened outside every grant.  Without the option it holds
   neither (core-default.c, and the pages are MADV_DONTDUMP).  */
/* { dg-do run } */
/* { dg-require-core-file "" } */
/* { dg-env PKEYPLUG_OPTIONS "dontdump=0" } */

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
  /* Outside every grant: the runtime reports and aborts.  */
  printf ("read %d\n", ((volatile unsigned char *) secret)[5]);
  _exit (5);
}

int
main (void)
{
  return core_test (crash, 1, 2, 3);
}
/* { dg-output "mode (hw|emulate)\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'secret' at offset 5 \[^\n\]*\n" } */
/* { dg-output "(\[^\n\]*\n)*child: signal 6, core dumped 1\n" } */
/* { dg-output "core: static secret 1, heap secret 1, ordinary global 1\n" } */
