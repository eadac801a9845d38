/* nested.c again, as a position-independent executable, spelled out.  */
/* { dg-do run } */
/* { dg-options "-fPIE -pie" } */

#include "nested.c"

/* { dg-output "failures: 0" } */
