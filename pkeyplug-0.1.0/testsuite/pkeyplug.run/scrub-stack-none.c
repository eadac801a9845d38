/* Without scrub-stack the helper's copy of the secret is still in the dead
   stack after the grant returns (which shows that scrub-stack.c tests
   something).  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } copy_out reads
   the secret only inside the grant */
/* { dg-require-pku "" } emulate mode: the gate calls the runtime,
   whose frames overwrite the dead stack anyway */

#include "scrub-stack.h"

/* { dg-output "r; secret bytes below the stack pointer: found" } */
