/* thread-start-pthread.c in a static link: nothing can be interposed, the
   plugin redirects the call of pthread_create to the runtime's.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "thread-start-pthread.c"

/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "thread: vault none, table read\n" } */
