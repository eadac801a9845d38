/* harden=1: a key's descriptor page, which the gates trust, cannot be
   made writable, retagged, unmapped, moved, discarded or replaced, nor
   have another mapping moved over it: every call that would let an
   attacker turn the gates off or change their masks fails with EPERM,
   and the gates still work.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */
/* { dg-additional-sources "aux/descriptor.c" } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>
#include <pkeyplug-abi.h>

int secret PKEY_PROTECT ("vault") = 42;
struct pkeyplug_key_desc *vault_descriptor (void);

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int
main (void)
{
  struct pkeyplug_key_desc *desc = vault_descriptor ();
  void *page = desc;
  void *other = mmap (NULL, 4096, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int zero = open ("/dev/zero", O_RDONLY);
  struct pkeyplug_key_desc before = *desc;

  say ("mprotect", mprotect (page, 4096, PROT_READ | PROT_WRITE));
  say ("pkey_mprotect", syscall (SYS_pkey_mprotect, page, 4096,
				 PROT_READ | PROT_WRITE, 0));
  say ("munmap", munmap (page, 4096));
  say ("mremap", (long) mremap (page, 4096, 4096,
				MREMAP_MAYMOVE | MREMAP_FIXED, other));
  say ("mremap over", (long) mremap (other, 4096, 4096,
				     MREMAP_MAYMOVE | MREMAP_FIXED, page));
  say ("madvise", madvise (page, 4096, MADV_DONTNEED));
  say ("mmap fixed", (long) mmap (page, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				  -1, 0));
  say ("mmap file fixed", (long) mmap (page, 4096, PROT_READ, MAP_PRIVATE
				       | MAP_FIXED, zero, 0));
  printf ("descriptor unchanged %d, gate %u, value %d, locked %d\n",
	  memcmp (&before, desc, sizeof before) == 0, desc->gate, get (),
	  !CAN_READ (secret));
  return CAN_READ (secret);
}
/* { dg-output "mprotect: EPERM \[^\n\]*\n" } */
/* { dg-output "pkey_mprotect: EPERM \[^\n\]*\n" } */
/* { dg-output "munmap: EPERM \[^\n\]*\n" } */
/* { dg-output "mremap: EPERM \[^\n\]*\n" } */
/* { dg-output "mremap over: EPERM \[^\n\]*\n" } */
/* { dg-output "madvise: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap fixed: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap file fixed: EPERM \[^\n\]*\n" } */
/* { dg-output "descriptor unchanged 1, gate 1, value 42, locked 1\n" } */
