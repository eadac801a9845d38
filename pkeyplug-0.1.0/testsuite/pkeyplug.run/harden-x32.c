/* harden=1: a system call of another ABI (x32), which the filter's rules
   would not recognise, kills the process with SIGSYS.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */
/* { dg-exit-status 159 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

int
main (void)
{
  printf ("before\n");
  fflush (stdout);
  syscall (0x40000000 | SYS_mprotect, 0, 0, 0);
  printf ("still alive\n");
  return 0;
}
/* { dg-output "before\n$" } */
