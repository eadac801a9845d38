/* exit-from-libc.c in a fully static program.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "exit-from-libc.c"
/* { dg-exit-status 8 } */
/* { dg-output "giving up with secret 1\n.*atexit: locked 1\n$" } */
