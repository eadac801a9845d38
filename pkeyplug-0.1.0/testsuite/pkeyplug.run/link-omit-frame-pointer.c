/* nested.c again, as frame pointers omitted.  */
/* { dg-do run } */
/* { dg-options "-fomit-frame-pointer" } */

#include "nested.c"

/* { dg-output "failures: 0" } */
