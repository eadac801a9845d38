/* Attack: a seccomp filter, in place before the runtime starts, makes
   pkey_mprotect, and mprotect to PROT_NONE, return 0 without doing
   anything: the descriptor becomes read-only, the secret's page keeps key
   0 (hw mode) or stays readable (emulate mode).  The runtime's probe
   read of the page goes through, and it refuses to start (status 80).  */
/* { dg-do run } */
/* { dg-exit-status 80 } */

#define _GNU_SOURCE
#include <sys/mman.h>
#include "nullfilter.h"
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;

int
main (int argc, char **argv)
{
  static const struct null_rule rules[] = {
    { SYS_pkey_mprotect, -1, 0 },
    { SYS_mprotect, 2, PROT_NONE }
  };

  (void) argc;
  if (null_filter_exec (argv, rules, 2))
    printf ("the runtime started under the filter; the secret is %s\n",
	    CAN_READ (secret) ? "readable" : "locked");
  return 0;
}
/* { dg-output "^pkeyplug: protecting 'secret' \\(key 'vault'\\) did not take: a read at 0x\[0-9a-f\]+ went through, expected (SEGV_PKUERR of hw key \[0-9\]+|SEGV_ACCERR) \\(did a system call filter answer for the kernel\\?\\)\n$" } */
