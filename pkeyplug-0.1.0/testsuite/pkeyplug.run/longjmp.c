/* longjmp out of a granting function: after the jump the rights are those
   of the setjmp caller, never left open.  Also a setjmp inside a grant,
   jumped to from a deeper grant of another key: the outer key stays open,
   the inner one is closed.  */
/* { dg-do run } */

#include <setjmp.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
int other PKEY_PROTECT ("other") = 2;
static jmp_buf env;

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
use_and_jump (void)
{
  secret++;
  longjmp (env, 1);
}

PKEY_GRANT ("other") static void __attribute__ ((noinline))
other_and_jump (jmp_buf *to)
{
  other++;
  longjmp (*to, 1);
}

PKEY_GRANT ("vault") static int __attribute__ ((noinline))
catch_inside (int *other_open)
{
  jmp_buf inner;
  if (setjmp (inner) == 0)
    other_and_jump (&inner);
  *other_open = CAN_READ (other);
  return CAN_READ (secret);
}

int
main (void)
{
  if (setjmp (env) == 0)
    {
      use_and_jump ();
      return 2;
    }
  int locked = !CAN_READ (secret);
  int other_open, vault_open = catch_inside (&other_open);
  printf ("after longjmp: locked %d; inside: vault %d other %d; after: %d %d\n",
	  locked, vault_open, other_open, CAN_READ (secret), CAN_READ (other));
  return !(locked && vault_open && !other_open && !CAN_READ (secret)
	   && !CAN_READ (other));
}
/* { dg-output "after longjmp: locked 1; inside: vault 1 other 0; after: 0 0" } */
