/* thread-start-mq.c in a static link: the plugin redirects the calls of
   mq_notify to the runtime's.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "thread-start-mq.c"

/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "notification 1: vault none, table read\n" } */
/* { dg-output "notification 2: vault none, table read\n" } */
