/* A non-local goto out of a granting nested function (GNU C) back into
   its parent: like longjmp it skips the exit gate, and the parent gets
   back the rights it had (here: none), never the nested function's.  */
/* { dg-do run } */
/* { dg-options "-Wl,--no-warn-execstack" } the trampoline of escape */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static int __attribute__ ((noinline))
call (int (*fn) (int), int arg)
{
  return fn (arg);
}

static int
parent (void)
{
  __label__ out;
  PKEY_GRANT ("vault") int escape (int n)
  {
    secret += n;
    if (n > 0)
      goto out;
    return secret;
  }
  call (escape, 5);
  return -1;
 out:
  return CAN_READ (secret);
}

int
main (void)
{
  int open = parent ();
  printf ("open after the non-local goto: %d\n", open);
  return open;
}
/* { dg-output "open after the non-local goto: 0" } */
