/* neighbours.c again, compiled and linked with -flto (the plugin loaded
   in both steps): layout and registration survive link-time
   optimisation.  */
/* { dg-do run } */
/* { dg-options "-flto" } */
/* { dg-additional-sources "aux/neighbours-other.c" } */

#include "neighbours.c"

/* { dg-output "sum 16, bad 0" } */
