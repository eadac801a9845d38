/* harden=1, the routes to a protected static object that
   harden-memory.c does not take: another mapping moved over it
   (mremap with MREMAP_FIXED), a move that leaves the old range in place
   but empty (MREMAP_DONTUNMAP), a file mapped over it, madvise advice
   that discards or hides pages, a System V segment attached over it,
   and a new pkey_mprotect with its own key (which is how the heap opens
   its reserved pages; static pages have no such exception).  Each fails
   with EPERM, and the secret keeps its key and its value.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

#ifndef MREMAP_DONTUNMAP
# define MREMAP_DONTUNMAP 4
#endif
#ifndef MADV_WIPEONFORK
# define MADV_WIPEONFORK 18
#endif

char secret[4096] PKEY_PROTECT ("vault") = "s3cret";

PKEY_GRANT ("vault") static int
intact (void)
{
  return strcmp (secret, "s3cret") == 0;
}

int
main (void)
{
  void *page = (void *) ((unsigned long) secret & ~4095ul);
  void *other = mmap (NULL, 4096, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int zero = open ("/dev/zero", O_RDONLY);
  int shm = shmget (IPC_PRIVATE, 4096, IPC_CREAT | 0600);

  say ("mremap other over it", (long) mremap (other, 4096, 4096,
					      MREMAP_MAYMOVE | MREMAP_FIXED,
					      page));
  say ("mremap dontunmap", (long) mremap (page, 4096, 4096, MREMAP_MAYMOVE
					  | MREMAP_DONTUNMAP));
  say ("mmap file over it", (long) mmap (page, 4096, PROT_READ | PROT_WRITE,
					 MAP_PRIVATE | MAP_FIXED, zero, 0));
  say ("madvise free", madvise (page, 4096, MADV_FREE));
  say ("madvise remove", madvise (page, 4096, MADV_REMOVE));
  say ("madvise wipeonfork", madvise (page, 4096, MADV_WIPEONFORK));
  say ("madvise dodump", madvise (page, 4096, MADV_DODUMP));
  say ("shmat remap", (long) shmat (shm, page, SHM_REMAP));
  say ("pkey_mprotect own key", syscall (SYS_pkey_mprotect, page, 4096,
					 PROT_READ | PROT_WRITE,
					 pkeyplug_key_of ("vault")));
  shmctl (shm, IPC_RMID, NULL);
  printf ("locked %d %d, intact %d\n", !CAN_READ (secret[0]),
	  !CAN_WRITE (secret[0]), intact ());
  return CAN_READ (secret[0]) || !intact ();
}
/* { dg-output "mremap other over it: EPERM \[^\n\]*\n" } */
/* { dg-output "mremap dontunmap: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap file over it: EPERM \[^\n\]*\n" } */
/* { dg-output "madvise free: EPERM \[^\n\]*\n" } */
/* { dg-output "madvise remove: EPERM \[^\n\]*\n" } */
/* { dg-output "madvise wipeonfork: EPERM \[^\n\]*\n" } */
/* { dg-output "madvise dodump: EPERM \[^\n\]*\n" } */
/* { dg-output "shmat remap: EPERM \[^\n\]*\n" } */
/* { dg-output "pkey_mprotect own key: EPERM \[^\n\]*\n" } */
/* { dg-output "locked 1 1, intact 1\n" } */
