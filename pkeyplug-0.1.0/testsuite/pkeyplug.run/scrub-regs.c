/* By default a granting function clears the call-used registers it used
   on the way out (zero_call_used_regs ("used")): the caller finds nothing
   of the secret in them.  */
/* { dg-do run } */

#include "scrub-regs.h"

/* { dg-output "r11 after the call does not hold the secret" } */
