/* nested.c again, as code compiled -fPIC.  */
/* { dg-do run } */
/* { dg-options "-fPIC" } */

#include "nested.c"

/* { dg-output "failures: 0" } */
