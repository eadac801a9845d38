/* MAP_SHARED anonymous memory written by a forked child (PKU Pitfalls):
   with harden=1 the parent can make neither that memory nor new
   anonymous memory executable.  But shared anonymous memory is a file
   (shmem) behind the scenes: a process with CAP_SYS_ADMIN (root, as in
   the test machine) opens it through /proc/self/map_files and maps it
   again, executable, and the child's bytes run as code: the attacker's
   WRPKRU opens every key.  Without that capability the open fails.
   scan=1 sees the code at the next dlopen, which refuses to go on.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1:scan=1 } */
/* { dg-exit-status 85 } */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include "attack.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

int
main (void)
{
  unsigned char *shared = mmap (NULL, 4096, PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  unsigned int pkru = probe_rdpkru ();
  unsigned char *code;
  char path[128], buf[64];
  int status, fd;

  if (shared == MAP_FAILED)
    return 1;
  snprintf (path, sizeof path, "/proc/self/map_files/%lx-%lx",
	    (unsigned long) shared, (unsigned long) shared + 4096);
  fflush (stdout);
  if (fork () == 0)
    {
      memcpy (shared, attack_wrpkru_code, sizeof attack_wrpkru_code);
      /* Without the capability.  */
      if (setresuid (65534, 65534, 65534) == 0)
	say ("unprivileged: open map_files", open (path, O_RDONLY));
      fflush (stdout);
      _exit (0);
    }
  wait (&status);
  say ("mprotect shared executable", mprotect (shared, 4096,
					       PROT_READ | PROT_EXEC));
  say ("mmap anonymous shared executable",
       mmap (NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_ANONYMOUS,
	     -1, 0) == MAP_FAILED ? -1 : 0);
  fd = open (path, O_RDONLY);
  say ("root: open map_files", fd);
  code = mmap (NULL, 4096, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
  say ("root: map it executable", code == MAP_FAILED ? -1 : 0);
  if (code == MAP_FAILED)
    return 1;
  ((attack_set_pkru_fn *) code) (0);
  attack_copy (buf, sizeof buf, secret);
  ((attack_set_pkru_fn *) code) (pkru);
  printf ("read '%s', locked again %d\n", buf, !CAN_READ (secret));
  fflush (stdout);
  dlopen ("libdl.so.2", RTLD_NOW);
  printf ("dlopen went on\n");
  return 0;
}
/* { dg-output "unprivileged: open map_files: EPERM \[^\n\]*\n" } */
/* { dg-output "mprotect shared executable: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap anonymous shared executable: EPERM \[^\n\]*\n" } */
/* { dg-output "root: open map_files: ok\n" } */
/* { dg-output "root: map it executable: ok\n" } */
/* { dg-output "read 's3cret', locked again 1\n" } */
/* { dg-output "pkeyplug: scan=1: stray wrpkru at 0x\[0-9a-f\]+ in /dev/zero \\(deleted\\) 0x\[0-9a-f\]+-0x\[0-9a-f\]+; refusing to run\n$" } */
