/* thread-start-thrd.c in a static link: nothing can be interposed, the
   plugin redirects the call of thrd_create to the runtime's.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "thread-start-thrd.c"

/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "thread: vault none, table read \\(returned 3\\)\n" } */
