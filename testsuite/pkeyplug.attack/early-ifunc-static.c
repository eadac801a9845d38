/* early-ifunc.c again as a static program: the resolver runs before
   the runtime's .preinit_array entry.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "early-ifunc.c"

/* { dg-output "^resolver read 42, locked in main 1\n" } */
