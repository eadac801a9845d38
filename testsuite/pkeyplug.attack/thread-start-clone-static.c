/* thread-start-clone.c in a static link: the plugin redirects the call
   of clone to the runtime's.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "thread-start-clone.c"

/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "child: vault none, table read \\(exit 4\\)\n" } */
