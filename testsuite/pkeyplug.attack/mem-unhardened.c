/* Without harden=1 the kernel is the attacker's deputy (hw mode):
   pkey_mprotect gives a protected page key 0 and every thread reads it;
   a fresh mmap (MAP_FIXED) over a protected page replaces it with zeros
   under key 0 (the Wasmtime finding: the key is gone, not kept); and
   madvise (MADV_DONTNEED) puts an initialised secret back to the value
   in the program's file, key kept.  mprotect alone keeps the key: the
   page stays locked.  The limits README states for programs without
   harden=1 (harden-memory.c shows the filter refusing each).  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include "attack.h"
#include <pkeyplug.h>

char first[4096] PKEY_PROTECT ("vault") = "first";
char second[4096] PKEY_PROTECT ("vault") = "second";
char third[4096] PKEY_PROTECT ("vault") = "third";

PKEY_GRANT ("vault") static void
change (char *p)
{
  strcpy (p, "changed");
}

static void *
page_of (const void *p)
{
  return (void *) ((unsigned long) p & ~4095ul);
}

int
main (void)
{
  char buf[64];

  say ("mprotect", mprotect (page_of (first), 4096,
			     PROT_READ | PROT_WRITE));
  printf ("after mprotect: locked %d\n", !CAN_READ (first));
  say ("pkey_mprotect key 0", syscall (SYS_pkey_mprotect, page_of (first),
				       4096, PROT_READ | PROT_WRITE, 0));
  attack_copy (buf, sizeof buf, first);
  printf ("after pkey_mprotect: read '%s'\n", buf);

  say ("mmap fixed", (long) mmap (page_of (second), 4096,
				  PROT_READ | PROT_WRITE, MAP_PRIVATE
				  | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
  attack_copy (buf, sizeof buf, second);
  printf ("after mmap fixed: locked %d, read '%s'\n", !CAN_READ (second),
	  buf);

  change (third);
  say ("madvise dontneed", madvise (page_of (third), 4096, MADV_DONTNEED));
  printf ("after madvise: locked %d\n", !CAN_READ (third));
  syscall (SYS_pkey_mprotect, page_of (third), 4096, PROT_READ, 0);
  attack_copy (buf, sizeof buf, third);
  printf ("its value: '%s'\n", buf);
  return 0;
}
/* { dg-output "mprotect: ok\n" } */
/* { dg-output "after mprotect: locked 1\n" } */
/* { dg-output "pkey_mprotect key 0: ok\n" } */
/* { dg-output "after pkey_mprotect: read 'first'\n" } */
/* { dg-output "mmap fixed: ok\n" } */
/* { dg-output "after mmap fixed: locked 0, read ''\n" } */
/* { dg-output "madvise dontneed: ok\n" } */
/* { dg-output "after madvise: locked 1\n" } */
/* { dg-output "its value: 'third'\n" } */
