/* before-runtime.c again as a static program: the program's
   .preinit_array entry runs before the runtime's (link order), so the
   granting function runs before its key is set up.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "before-runtime.c"

/* { dg-output "mode (hw|emulate), early 41, locked 1, now 42" } */
