/* A granting function whose callee never returns: it longjmps back to
   main (through a noreturn function), and main's rights are the locked
   ones again, in the grant and after it.  */
/* { dg-do run } */

#include <setjmp.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 5;
static jmp_buf back;

static __attribute__ ((noreturn, noinline)) void
give_up (int why)
{
  longjmp (back, why);
}

PKEY_GRANT ("vault") static void
work (void)
{
  secret++;
  give_up (secret);
}

int
main (void)
{
  int why = setjmp (back);
  if (why == 0)
    work ();
  printf ("back with %d, locked %d\n", why, !CAN_READ (secret));
  return 0;
}
/* { dg-output "^back with 6, locked 1\n$" } */
