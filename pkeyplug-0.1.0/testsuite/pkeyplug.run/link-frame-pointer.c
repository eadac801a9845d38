/* nested.c again, as frame pointers kept.  */
/* { dg-do run } */
/* { dg-options "-fno-omit-frame-pointer" } */

#include "nested.c"

/* { dg-output "failures: 0" } */
