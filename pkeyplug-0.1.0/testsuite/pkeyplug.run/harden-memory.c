/* harden=1: the kernel will not retag, unprotect, unmap, move, discard
   or replace a protected static object, nor its key's descriptor page
   (which the gates trust); the secret is still locked and intact.  */
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

unsigned char secret[4096] PKEY_PROTECT ("vault") = "s3cret";

PKEY_GRANT ("vault") static int
get (void)
{
  return secret[1];
}

int
main (void)
{
  void *page = (void *) ((unsigned long) secret & ~4095ul);

  say ("mprotect", mprotect (page, 4096, PROT_READ | PROT_WRITE));
  /* Unaligned start and a length that reaches into the page.  */
  say ("mprotect below", mprotect ((char *) page - 4096, 4097, PROT_READ));
  say ("pkey_mprotect", syscall (SYS_pkey_mprotect, page, 4096,
				 PROT_READ | PROT_WRITE, 0));
  say ("munmap", munmap (page, 4096));
  say ("mremap", (long) mremap (page, 4096, 8192, MREMAP_MAYMOVE));
  say ("madvise", madvise (page, 4096, MADV_DONTNEED));
  say ("mmap fixed", (long) mmap (page, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				  -1, 0));
  say ("mprotect exec", mprotect (page, 4096, PROT_EXEC));
  /* A fresh mapping elsewhere is still fine.  */
  say ("mmap elsewhere", (long) mmap (NULL, 4096, PROT_READ,
				      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  printf ("locked %d %d, value %c\n", !CAN_READ (secret[0]),
	  !CAN_WRITE (secret[0]), get ());
  return CAN_READ (secret[0]) || get () != '3';
}
/* { dg-output "mprotect: EPERM \[^\n\]*\n" } */
/* { dg-output "mprotect below: EPERM \[^\n\]*\n" } */
/* { dg-output "pkey_mprotect: EPERM \[^\n\]*\n" } */
/* { dg-output "munmap: EPERM \[^\n\]*\n" } */
/* { dg-output "mremap: EPERM \[^\n\]*\n" } */
/* { dg-output "madvise: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap fixed: EPERM \[^\n\]*\n" } */
/* { dg-output "mprotect exec: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap elsewhere: ok\n" } */
/* { dg-output "locked 1 1, value 3\n" } */
