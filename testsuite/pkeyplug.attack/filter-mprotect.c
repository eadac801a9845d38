/* Attack: a seccomp filter, in place before the runtime starts, makes
   mprotect and pkey_mprotect return 0 without doing anything, so that no
   page gets its protection.  The runtime sees that the first page it
   protected (the key's descriptor) still takes writes and refuses to
   start (status 80).  */
/* { dg-do run } */
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
    { SYS_mprotect, -1, 0 },
    { SYS_pkey_mprotect, -1, 0 }
  };

  (void) argc;
  if (null_filter_exec (argv, rules, 2))
    printf ("the runtime started under the filter; the secret is %s\n",
	    CAN_READ (secret) ? "readable" : "locked");
  return 0;
}
/* In hw mode the runtime first makes the C library's pkey_set writable
   to guard it (pkeyset.c), and sees there that mprotect did nothing.  */
/* { dg-output "^pkeyplug: (making the descriptor of key 'vault' read-only did not take: a write at 0x\[0-9a-f\]+ went through, expected SEGV_ACCERR|guarding the C library's pkey_set did not take: a write at 0x\[0-9a-f\]+ was refused after mprotect made it writable) \\(did a system call filter answer for the kernel\\?\\)\n$" } */
