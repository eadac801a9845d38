/* harden=1: our keys cannot be freed (a later pkey_alloc would hand them
   to someone else) nor put on other memory; other keys and other memory
   are left alone; io_uring, whose requests would bypass the filter,
   cannot be set up.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "harden.h"
#include "probe.h"
#include <pkeyplug.h>

#ifndef SYS_io_uring_setup
# define SYS_io_uring_setup 425
#endif

int secret PKEY_PROTECT ("vault") = 7;

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int
main (void)
{
  int key = pkeyplug_key_of ("vault");
  char params[120] = { 0 };
  char *other = mmap (NULL, 4096, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  long mine;

  say ("pkey_free", syscall (SYS_pkey_free, key));
  say ("pkey_mprotect other memory", syscall (SYS_pkey_mprotect, other,
					      4096, PROT_READ | PROT_WRITE,
					      key));
  say ("pkey_mprotect other memory key 0",
       syscall (SYS_pkey_mprotect, other, 4096, PROT_READ, 0));
  mine = syscall (SYS_pkey_alloc, 0, 0);
  say ("pkey_alloc", mine);
  say ("pkey_mprotect other memory new key",
       syscall (SYS_pkey_mprotect, other, 4096, PROT_READ, mine));
  say ("pkey_free new key", syscall (SYS_pkey_free, mine));
  say ("io_uring_setup", syscall (SYS_io_uring_setup, 8, params));
  printf ("key still %d, locked %d, value %d\n",
	  pkeyplug_key_of ("vault") == key, !CAN_READ (secret), get ());
  return CAN_READ (secret);
}
/* { dg-output "pkey_free: EPERM \[^\n\]*\n" } */
/* { dg-output "pkey_mprotect other memory: EPERM \[^\n\]*\n" } */
/* { dg-output "pkey_mprotect other memory key 0: ok\n" } */
/* { dg-output "pkey_alloc: ok\n" } */
/* { dg-output "pkey_mprotect other memory new key: ok\n" } */
/* { dg-output "pkey_free new key: ok\n" } */
/* { dg-output "io_uring_setup: EPERM \[^\n\]*\n" } */
/* { dg-output "key still 1, locked 1, value 7\n" } */
