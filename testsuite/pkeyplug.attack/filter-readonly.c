/* Attack: a seccomp filter, in place before the runtime starts, makes
   pkey_mprotect, and mprotect of three pages, return 0 without doing
   anything: the three pages of a readonly key's table stay writable.
   The runtime's probe write (an atomic OR of 0, which changes nothing)
   goes through, and it refuses to start (status 80).  */
/* { dg-do run } */
/* { dg-exit-status 80 } */

#define _GNU_SOURCE
#include "nullfilter.h"
#include <pkeyplug.h>

/* Two pages and a byte: three pages of their own.  */
char table[2 * 4096 + 1] __attribute__ ((pkey ("ro", "readonly"))) = "rules";

int
main (int argc, char **argv)
{
  static const struct null_rule rules[] = {
    { SYS_pkey_mprotect, -1, 0 },
    { SYS_mprotect, 1, 3 * 4096 }
  };

  (void) argc;
  if (null_filter_exec (argv, rules, 2))
    printf ("the runtime started under the filter; the table is still "
	    "writable\n");
  return 0;
}
/* { dg-output "^pkeyplug: protecting 'table' \\(key 'ro'\\) did not take: a write at 0x\[0-9a-f\]+ went through, expected (SEGV_PKUERR of hw key \[0-9\]+|SEGV_ACCERR) \\(did a system call filter answer for the kernel\\?\\)\n$" } */
