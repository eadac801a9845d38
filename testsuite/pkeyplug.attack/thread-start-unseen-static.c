/* The limit of a static link: a thread created by code the plugin did not
   compile keeps its creator's rights.  Here the program's own call goes
   through a function pointer set in a static initializer, which the
   plugin leaves alone as it would a call in a library; glibc's
   pthread_create then starts the thread, which in hw mode inherits the
   grant.  In emulate mode rights are per thread and start at none.  (In
   a dynamic link the shared runtime's pthread_create is the pointer's
   target: thread-start-unseen.c.)  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "thread-start-unseen.c"

/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "(thread \\(hw\\): vault write, table write|thread \\(emulate\\): vault none, table read)\n" } */
