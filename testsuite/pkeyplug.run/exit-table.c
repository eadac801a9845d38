/* exit-pointer.c through the static table of a unit without keys
   (aux/exit-table.c).  */
/* { dg-do run } */
/* { dg-additional-sources "aux/exit-table.c" } */

#define BY_TABLE 1
#include "exit-pointer.c"
/* { dg-output "^atexit: locked 1\ndestructor: locked 1\n$" } */
