/* harden=1 and heap secrets: blocks made before the filter (in a
   constructor) and after it (a big one: its own arena, in the key's
   reserved range; a small one would share the early arena) cannot be
   unprotected, unmapped or discarded; pkey_mprotect may only give a
   reserved page its own key back, read+write, which opens nothing.
   Allocating and freeing still work, big blocks included.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "harden.h"
#include "probe.h"
#include <pkeyplug.h>

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

static void *
page_of (const void *p)
{
  return (void *) ((unsigned long) p & ~4095ul);
}

static void
attack (const char *name, unsigned char *p)
{
  char what[64];

  snprintf (what, sizeof what, "%s mprotect", name);
  say (what, mprotect (page_of (p), 4096, PROT_READ | PROT_WRITE));
  snprintf (what, sizeof what, "%s pkey_mprotect 0", name);
  say (what, syscall (SYS_pkey_mprotect, page_of (p), 4096,
		      PROT_READ | PROT_WRITE, 0));
  snprintf (what, sizeof what, "%s munmap", name);
  say (what, munmap (page_of (p), 4096));
  snprintf (what, sizeof what, "%s madvise", name);
  say (what, madvise (page_of (p), 4096, MADV_DONTNEED));
}

int
main (void)
{
  int key = pkeyplug_key_of ("vault");
  unsigned char *late = pkeyplug_malloc ("vault", 8000);
  unsigned char *big;

  put (early, "early secret");
  put (late, "late secret");
  attack ("early", early);
  attack ("late", late);
  /* The one change the filter lets through in the reserved range.  */
  say ("late pkey_mprotect own key", syscall (SYS_pkey_mprotect,
					      page_of (late), 4096,
					      PROT_READ | PROT_WRITE, key));
  say ("late pkey_mprotect own key read-only",
       syscall (SYS_pkey_mprotect, page_of (late), 4096, PROT_READ, key));
  big = pkeyplug_malloc ("vault", 100000);
  put (big, "big secret");
  pkeyplug_free (big);
  big = pkeyplug_malloc ("vault", 200000);
  printf ("big %d\n", big != NULL);
  printf ("early locked %d, intact %d\n", !CAN_READ (early[0]),
	  same (early, "early secret"));
  printf ("late locked %d, intact %d\n", !CAN_READ (late[0]),
	  same (late, "late secret"));
  return CAN_READ (early[0]) || CAN_READ (late[0]);
}
/* { dg-output "early mprotect: EPERM \[^\n\]*\n" } */
/* { dg-output "early pkey_mprotect 0: EPERM \[^\n\]*\n" } */
/* { dg-output "early munmap: EPERM \[^\n\]*\n" } */
/* { dg-output "early madvise: EPERM \[^\n\]*\n" } */
/* { dg-output "late mprotect: EPERM \[^\n\]*\n" } */
/* { dg-output "late pkey_mprotect 0: EPERM \[^\n\]*\n" } */
/* { dg-output "late munmap: EPERM \[^\n\]*\n" } */
/* { dg-output "late madvise: EPERM \[^\n\]*\n" } */
/* { dg-output "late pkey_mprotect own key: ok\n" } */
/* { dg-output "late pkey_mprotect own key read-only: EPERM \[^\n\]*\n" } */
/* { dg-output "big 1\n" } */
/* { dg-output "early locked 1, intact 1\n" } */
/* { dg-output "late locked 1, intact 1\n" } */
