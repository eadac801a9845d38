/* nested.c again, as a fully static program (libpkeyrt.a), so registration
   cannot rely on the dynamic loader's constructor order.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "nested.c"

/* { dg-output "failures: 0" } */
