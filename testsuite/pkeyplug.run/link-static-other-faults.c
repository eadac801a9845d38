/* other-faults.c again as a static program: the program's
   .preinit_array entry installs its handler before the runtime's, which
   passes a fault outside protected memory on to it.  */
/* { dg-do run } */
/* { dg-options "-static" } */
/* { dg-exit-status 7 } */

#include "other-faults.c"

/* { dg-output "user handler called" } */
