/* harden=1: /proc/self/mem (or /proc/PID/mem, or a thread's) cannot be
   opened for writing, whatever the path says or hides behind a symlink,
   and process_vm_writev/readv are refused; a child of fork is bound the
   same way towards its parent.  Other files open for writing as usual
   (through the filter's SIGSYS handler).  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harden.h"
#include "probe.h"
#include <pkeyplug.h>

#ifndef SYS_openat2
# define SYS_openat2 437
#endif

unsigned char secret[16] PKEY_PROTECT ("vault") = "s3cret";

PKEY_GRANT ("vault") static int
get (void)
{
  return secret[1];
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp";
  char path[256], link[256], file[256], buf[8] = "XXXX";
  struct iovec local = { buf, 4 }, remote = { secret, 4 };
  unsigned long long how[3] = { O_RDWR, 0, 0 };
  int fd, status;
  pid_t child;

  say ("open", open ("/proc/self/mem", O_RDWR));
  say ("open write-only", open ("/proc/self/mem", O_WRONLY));
  say ("openat", openat (AT_FDCWD, "/proc/self/mem", O_RDWR));
  snprintf (path, sizeof path, "/proc/%d/task/%d/mem", (int) getpid (),
	    (int) getpid ());
  say ("open task", open (path, O_RDWR));
  say ("openat2", syscall (SYS_openat2, AT_FDCWD, "/proc/self/mem", how,
			   sizeof how));
  snprintf (link, sizeof link, "%s/harden-procmem-%d", tmp, (int) getpid ());
  symlink ("/proc/self/mem", link);
  say ("open symlink", open (link, O_RDWR));
  unlink (link);
  say ("process_vm_writev", process_vm_writev (getpid (), &local, 1,
					       &remote, 1, 0));
  say ("process_vm_readv", process_vm_readv (getpid (), &local, 1,
					     &remote, 1, 0));

  snprintf (file, sizeof file, "%s/harden-procmem-%d.txt", tmp,
	    (int) getpid ());
  fd = open (file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  say ("open file", fd);
  say ("write file", write (fd, "hi", 2) == 2 ? 0 : -1);
  close (fd);
  unlink (file);

  /* Or the child would print our buffered lines again.  */
  fflush (stdout);
  child = fork ();
  if (child == 0)
    {
      snprintf (path, sizeof path, "/proc/%d/mem", (int) getppid ());
      say ("child open parent", open (path, O_RDWR));
      fflush (stdout);
      _exit (0);
    }
  waitpid (child, &status, 0);
  printf ("locked %d, value %c, buf %s\n", !CAN_READ (secret[0]), get (),
	  buf);
  return CAN_READ (secret[0]);
}
/* { dg-output "open: EPERM \[^\n\]*\n" } */
/* { dg-output "open write-only: EPERM \[^\n\]*\n" } */
/* { dg-output "openat: EPERM \[^\n\]*\n" } */
/* { dg-output "open task: EPERM \[^\n\]*\n" } */
/* { dg-output "openat2: EPERM \[^\n\]*\n" } */
/* { dg-output "open symlink: EPERM \[^\n\]*\n" } */
/* { dg-output "process_vm_writev: EPERM \[^\n\]*\n" } */
/* { dg-output "process_vm_readv: EPERM \[^\n\]*\n" } */
/* { dg-output "open file: ok\n" } */
/* { dg-output "write file: ok\n" } */
/* { dg-output "child open parent: EPERM \[^\n\]*\n" } */
/* { dg-output "locked 1, value 3, buf XXXX\n" } */
