/* early-ctor.c again as a static program: the runtime's .preinit_array
   entry protects the secret before every constructor.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */
/* { dg-options "-static -Wno-prio-ctor-dtor" } */

#include "early-ctor.c"

/* { dg-output "^pkeyplug: protection violation: read of 'secret' at offset 0 \\(object of 4 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
