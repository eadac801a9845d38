/* gatefns.c -- the functions whose gates the benchmarks measure.

   One unit, compiled once with the plugin (bench/run: -O2 by default) and
   linked into both bench/keyswitch.c (timings) and bench/gatetrace.c (the
   instructions of the hw path).  Each granting function has an
   unannotated twin with the same body shape, so that the difference
   between the two is the gates and nothing else: both load one int from
   .data/.bss with a RIP-relative address and add the argument.

   Usage: see bench/README.md.  */

#include <pkeyplug.h>

#include "gatefns.h"

/* The protected object.  Not static, so that the optimisers cannot prove
   anything about it.  */
int bench_secret PKEY_PROTECT ("bench");

/* An ordinary global of the same type, for the twin.  */
int bench_public;

int
bench_plain (int x)
{
  return bench_public + x;
}

PKEY_GRANT ("bench") int
bench_granted (int x)
{
  return bench_secret + x;
}

PKEY_GRANT_READ ("bench") int
bench_granted_read (int x)
{
  return bench_secret + x;
}
