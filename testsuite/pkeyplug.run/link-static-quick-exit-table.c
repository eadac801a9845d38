/* quick-exit-pointer.c in a fully static program, through the table of
   a unit without keys (aux/exit-table.c).  */
/* { dg-do run } */
/* { dg-options "-static" } */
/* { dg-additional-sources "aux/exit-table.c" } */

#define BY_TABLE 1
#include "quick-exit-pointer.c"
/* { dg-exit-status 5 } */
/* { dg-output "^at_quick_exit: locked 1\n$" } */
