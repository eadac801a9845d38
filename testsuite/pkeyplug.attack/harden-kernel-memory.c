/* harden=1, as root (the PKU virtual machine runs tests as root): the
   files that reach all of memory are refused, for reading too:
   /proc/kcore, /dev/mem, /dev/port, and a device node of /dev/mem that
   the attacker makes under another name (the check looks at the device
   number, not the name).  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "reach.h"

int
main (void)
{
  const char *tmp = getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp";
  char node[256];

  printf ("root %d\n", geteuid () == 0);
  try_open ("/proc/kcore", open ("/proc/kcore", O_RDONLY));
  try_open ("/dev/mem read-only", open ("/dev/mem", O_RDONLY));
  try_open ("/dev/mem read-write", open ("/dev/mem", O_RDWR));
  try_open ("/dev/port", open ("/dev/port", O_RDONLY));
  snprintf (node, sizeof node, "%s/harden-mem-%d", tmp, (int) getpid ());
  say ("mknod 1:1", mknod (node, S_IFCHR | 0600, makedev (1, 1)));
  try_open ("own node of /dev/mem", open (node, O_RDONLY));
  unlink (node);
  return verdict ();
}
/* { dg-output "root 1\n" } */
/* { dg-output "/proc/kcore: EPERM \[^\n\]*\n" } */
/* { dg-output "/dev/mem read-only: EPERM \[^\n\]*\n" } */
/* { dg-output "/dev/mem read-write: EPERM \[^\n\]*\n" } */
/* { dg-output "/dev/port: EPERM \[^\n\]*\n" } */
/* { dg-output "mknod 1:1: ok\n" } */
/* { dg-output "own node of /dev/mem: EPERM \[^\n\]*\n" } */
/* { dg-output "locked 1, intact 1\n" } */
