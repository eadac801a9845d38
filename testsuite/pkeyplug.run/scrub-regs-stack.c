/* scrub-stack must not turn the register clearing off: the exit gate
   calls the stack scrubber as an ordinary call (a tail call would skip
   the granting function's own clearing of r11 on return).  Linked with
   -z now: the lazy binding of the scrubber's first call would clobber
   r11 itself and hide the leak.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub-stack=4096 -Wl,-z,now" } */
/* { dg-require-pku "" } emulate mode: the gate calls the runtime,
   whose system calls clobber r11 anyway */

#include "scrub-regs.h"

/* { dg-output "r11 after the call does not hold the secret" } */
