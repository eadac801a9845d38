/* -fplugin-arg-pkeyplug-scrub-stack=BYTES clears that much stack below
   the stack pointer when the grant closes: the dead frame of the helper
   that copied the secret is gone.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub-stack=8192 -fplugin-arg-pkeyplug-warn-unguarded=no" } */

#include "scrub-stack.h"

/* { dg-output "r; secret bytes below the stack pointer: none" } */
