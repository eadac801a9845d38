/* denied-read.c again in a fully static program: the violation report
   still names the object (no dladdr symbol: "at 0x... " alone).  */
/* { dg-do run } */
/* { dg-options "-static" } */
/* { dg-exit-status 134 } */

#include "denied-read.c"

/* { dg-output "before\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'master_key' at offset 5 \\(object of 32 bytes\\)\n" } */
