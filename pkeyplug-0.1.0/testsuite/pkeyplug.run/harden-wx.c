/* harden=1 keeps W^X from then on: code cannot be made writable and
   executable, written memory cannot become code (a WRPKRU nobody
   scanned), while dlopen still maps a library's code from its file.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "harden.h"
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 9;

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int
main (void)
{
  void *code = (void *) ((unsigned long) &main & ~4095ul);
  char *data = mmap (NULL, 4096, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  say ("mprotect code rwx", mprotect (code, 4096,
				      PROT_READ | PROT_WRITE | PROT_EXEC));
  say ("mprotect data rx", mprotect (data, 4096, PROT_READ | PROT_EXEC));
  say ("pkey_mprotect data rx", syscall (SYS_pkey_mprotect, data, 4096,
					 PROT_READ | PROT_EXEC, 0));
  say ("mmap anonymous rwx", (long) mmap (NULL, 4096, PROT_READ | PROT_WRITE
					  | PROT_EXEC, MAP_PRIVATE
					  | MAP_ANONYMOUS, -1, 0));
  say ("mprotect data ro", mprotect (data, 4096, PROT_READ));
  say ("dlopen", dlopen ("libm.so.6", RTLD_NOW) != NULL ? 0 : -1);
  printf ("locked %d, value %d\n", !CAN_READ (secret), get ());
  return CAN_READ (secret);
}
/* { dg-output "mprotect code rwx: EPERM \[^\n\]*\n" } */
/* { dg-output "mprotect data rx: EPERM \[^\n\]*\n" } */
/* { dg-output "pkey_mprotect data rx: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap anonymous rwx: EPERM \[^\n\]*\n" } */
/* { dg-output "mprotect data ro: ok\n" } */
/* { dg-output "dlopen: ok\n" } */
/* { dg-output "locked 1, value 9\n" } */
