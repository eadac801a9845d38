/* thread-start-sealed.c in a static link.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-options "-static -fplugin-arg-pkeyplug-gates=sealed" } */

#include "thread-start-sealed.c"

/* { dg-output "inside a grant: 117\n" } */
/* { dg-output "outside: 1117 11117\n" } */
