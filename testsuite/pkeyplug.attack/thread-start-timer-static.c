/* thread-start-timer.c in a static link: the plugin redirects the call
   of timer_create to the runtime's.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "thread-start-timer.c"

/* { dg-output "grant: vault write, table write\n" } */
/* { dg-output "callback 1: vault none, table read\n" } */
/* { dg-output "callback 2: vault none, table read\n" } */
