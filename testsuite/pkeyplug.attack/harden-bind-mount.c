/* harden=1: /proc/self/mem bind-mounted under another name (the test runs
   as root in the PKU virtual machine, in a mount namespace of its own) is
   still refused, for reading and for writing: the check looks at the
   opened file (procfs, mode 0600), which a bind mount keeps, not at its
   name.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mount.h>
#include "reach.h"

int
main (void)
{
  const char *tmp = getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp";
  char path[256];
  int fd;

  snprintf (path, sizeof path, "%s/harden-bind-%d", tmp, (int) getpid ());
  say ("unshare", unshare (CLONE_NEWNS));
  say ("private", mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
  fd = open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  say ("create mount point", fd);
  close (fd);
  say ("bind", mount ("/proc/self/mem", path, NULL, MS_BIND, NULL));
  try_open ("open read-write", open (path, O_RDWR));
  try_open ("open read-only", open (path, O_RDONLY));
  try_open ("openat read-write", openat (AT_FDCWD, path, O_RDWR));
  umount (path);
  unlink (path);
  return verdict ();
}
/* { dg-output "unshare: ok\n" } */
/* { dg-output "private: ok\n" } */
/* { dg-output "create mount point: ok\n" } */
/* { dg-output "bind: ok\n" } */
/* { dg-output "open read-write: EPERM \[^\n\]*\n" } */
/* { dg-output "open read-only: EPERM \[^\n\]*\n" } */
/* { dg-output "openat read-write: EPERM \[^\n\]*\n" } */
/* { dg-output "locked 1, intact 1\n" } */
