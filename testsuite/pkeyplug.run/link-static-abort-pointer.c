/* abort-pointer.c in a fully static program, through a static table.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#define BY_TABLE 1
#include "abort-pointer.c"
/* { dg-exit-status 4 } */
/* { dg-output "^SIGABRT handler: locked 1\n$" } */
