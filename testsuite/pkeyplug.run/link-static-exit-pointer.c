/* exit-pointer.c in a fully static program: nothing interposes exit, the
   plugin's stand-in locks the key.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "exit-pointer.c"
/* { dg-output "^atexit: locked 1\ndestructor: locked 1\n$" } */
