/* nested.c again, as a position-dependent executable.  */
/* { dg-do run } */
/* { dg-options "-no-pie" } */

#include "nested.c"

/* { dg-output "failures: 0" } */
