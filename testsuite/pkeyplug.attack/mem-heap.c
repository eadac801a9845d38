/* harden=1 and heap secrets, the routes harden-heap.c does not take: an
   arena moved (mremap), another mapping moved over it, a fresh mapping
   over it (MAP_FIXED: the pages would lose their key, the Wasmtime bug),
   madvise advice that discards pages, the guard pages opened, and a
   reserved page given its own key back read-only or with no access (the
   filter lets only read+write through, for a new arena).  Blocks made
   before the filter (a constructor's) and after it (a big block, in the
   key's reserved range) alike; all fail with EPERM and every block
   keeps its key and contents.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

#ifndef MREMAP_DONTUNMAP
# define MREMAP_DONTUNMAP 4
#endif

int anchor PKEY_PROTECT ("vault");
static unsigned char *early;

__attribute__ ((constructor)) static void
make_early (void)
{
  early = pkeyplug_malloc ("vault", 64);
}

PKEY_GRANT ("vault") static void
put (unsigned char *p, const char *s)
{
  strcpy ((char *) p, s);
}

PKEY_GRANT ("vault") static int
same (const unsigned char *p, const char *s)
{
  return strcmp ((const char *) p, s) == 0;
}

static char *
page_of (const void *p)
{
  return (char *) ((unsigned long) p & ~4095ul);
}

static void
attack (const char *name, unsigned char *p)
{
  char *page = page_of (p), what[80];
  void *other = mmap (NULL, 4096, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int key = pkeyplug_key_of ("vault");

#define TRY(WHAT, CALL) \
  (snprintf (what, sizeof what, "%s %s", name, WHAT), say (what, CALL))
  TRY ("mremap", (long) mremap (page, 4096, 8192, MREMAP_MAYMOVE));
  TRY ("mremap dontunmap", (long) mremap (page, 4096, 4096, MREMAP_MAYMOVE
					  | MREMAP_DONTUNMAP));
  TRY ("mremap over", (long) mremap (other, 4096, 4096, MREMAP_MAYMOVE
				     | MREMAP_FIXED, page));
  TRY ("mmap fixed", (long) mmap (page, 4096, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				  -1, 0));
  TRY ("madvise free", madvise (page, 4096, MADV_FREE));
  TRY ("madvise remove", madvise (page, 4096, MADV_REMOVE));
  TRY ("guard mprotect", mprotect (page - 4096, 4096,
				   PROT_READ | PROT_WRITE));
  TRY ("pkey_mprotect own key none", syscall (SYS_pkey_mprotect, page,
					      4096, PROT_NONE, key));
  TRY ("pkey_mprotect own key read", syscall (SYS_pkey_mprotect, page,
					      4096, PROT_READ, key));
#undef TRY
}

int
main (void)
{
  unsigned char *late = pkeyplug_malloc ("vault", 8000);

  put (early, "early secret");
  put (late, "late secret");
  attack ("early", early);
  attack ("late", late);
  printf ("early locked %d, intact %d\n", !CAN_READ (early[0]),
	  same (early, "early secret"));
  printf ("late locked %d, intact %d\n", !CAN_READ (late[0]),
	  same (late, "late secret"));
  return CAN_READ (early[0]) || CAN_READ (late[0]);
}
/* { dg-output "early mremap: EPERM \[^\n\]*\n" } */
/* { dg-output "early mremap dontunmap: EPERM \[^\n\]*\n" } */
/* { dg-output "early mremap over: EPERM \[^\n\]*\n" } */
/* { dg-output "early mmap fixed: EPERM \[^\n\]*\n" } */
/* { dg-output "early madvise free: EPERM \[^\n\]*\n" } */
/* { dg-output "early madvise remove: EPERM \[^\n\]*\n" } */
/* { dg-output "early guard mprotect: EPERM \[^\n\]*\n" } */
/* { dg-output "early pkey_mprotect own key none: EPERM \[^\n\]*\n" } */
/* { dg-output "early pkey_mprotect own key read: EPERM \[^\n\]*\n" } */
/* { dg-output "late mremap: EPERM \[^\n\]*\n" } */
/* { dg-output "late mremap dontunmap: EPERM \[^\n\]*\n" } */
/* { dg-output "late mremap over: EPERM \[^\n\]*\n" } */
/* { dg-output "late mmap fixed: EPERM \[^\n\]*\n" } */
/* { dg-output "late madvise free: EPERM \[^\n\]*\n" } */
/* { dg-output "late madvise remove: EPERM \[^\n\]*\n" } */
/* { dg-output "late guard mprotect: EPERM \[^\n\]*\n" } */
/* { dg-output "late pkey_mprotect own key none: EPERM \[^\n\]*\n" } */
/* { dg-output "late pkey_mprotect own key read: EPERM \[^\n\]*\n" } */
/* { dg-output "early locked 1, intact 1\n" } */
/* { dg-output "late locked 1, intact 1\n" } */
