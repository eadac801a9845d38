/* thread-start-aio.c in a static link: the plugin redirects the calls of
   aio_read to the runtime's.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "thread-start-aio.c"

/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "completion 1: vault none, table read\n" } */
/* { dg-output "completion 2: vault none, table read\n" } */
