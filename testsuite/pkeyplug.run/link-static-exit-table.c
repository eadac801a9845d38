/* exit-table.c in a fully static program: the table of a unit without
   keys holds the stand-in's address.  */
/* { dg-do run } */
/* { dg-options "-static" } */
/* { dg-additional-sources "aux/exit-table.c" } */

#define BY_TABLE 1
#include "exit-pointer.c"
/* { dg-output "^atexit: locked 1\ndestructor: locked 1\n$" } */
