/* Attack (real PKU only): a seccomp filter, in place before the runtime
   starts, makes pkey_alloc return 0 without allocating anything: the
   runtime would tag the secret with key 0, which every page has.  The
   kernel never hands out key 0: the runtime refuses to start (status
   80).  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-exit-status 80 } */

#define _GNU_SOURCE
#include "nullfilter.h"
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;

int
main (int argc, char **argv)
{
  static const struct null_rule rules[] = {
    { SYS_pkey_alloc, -1, 0 }
  };

  (void) argc;
  if (null_filter_exec (argv, rules, 1))
    printf ("the runtime started under the filter; the secret is %s\n",
	    CAN_READ (secret) ? "readable" : "locked");
  return 0;
}
/* { dg-output "^pkeyplug: pkey_alloc for the probe for PKU returned 0, key 0, which every page has \\(did a system call filter answer for the kernel\\?\\)\n$" } */
