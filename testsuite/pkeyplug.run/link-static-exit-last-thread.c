/* exit-last-thread.c in a fully static program.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "exit-last-thread.c"
/* { dg-output "^atexit: locked 1\n$" } */
