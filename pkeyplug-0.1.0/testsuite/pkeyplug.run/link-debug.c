/* nested.c again, as debug information (the gates must not disturb it).  */
/* { dg-do run } */
/* { dg-options "-g" } */

#include "nested.c"

/* { dg-output "failures: 0" } */
