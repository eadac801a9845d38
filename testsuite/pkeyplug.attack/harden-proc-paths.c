/* harden=1: every path to this process's memory is refused, for reading
   as much as for writing: /proc/self/mem, /proc/thread-self/mem,
   /proc/PID/mem, another thread's /proc/PID/task/TID/mem, openat and
   openat2 relative to a /proc directory, a symbolic link, creat, and
   descriptors reopened through /proc/self/fd/N and /dev/fd/N (an O_PATH
   descriptor of mem made before the filter, one made after it, which
   reads and writes nothing, and an O_PATH descriptor of the /proc/self
   directory).  /proc/self/pagemap, which takes any offset like mem, is
   refused too.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/openat2.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include "reach.h"

#ifndef SYS_openat2
# define SYS_openat2 437
#endif

static int early_path = -1;

/* Before the filter (the shared runtime installs it when main is
   called): an O_PATH descriptor cannot read or write.  */
__attribute__ ((constructor)) static void
before_filter (void)
{
  early_path = open ("/proc/self/mem", O_PATH);
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pid_t other_tid;

static void *
other_thread (void *arg)
{
  (void) arg;
  other_tid = gettid ();
  pthread_mutex_lock (&lock);
  pthread_mutex_unlock (&lock);
  return NULL;
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp";
  struct open_how how = { O_RDONLY, 0, 0 };
  char path[256], link[256];
  int proc_self, proc, self_path, late_path;
  pthread_t t;

  pthread_mutex_lock (&lock);
  pthread_create (&t, NULL, other_thread, NULL);
  while (__atomic_load_n (&other_tid, __ATOMIC_ACQUIRE) == 0)
    sched_yield ();

  try_open ("/proc/self/mem read-only", open ("/proc/self/mem", O_RDONLY));
  try_open ("/proc/self/mem read-write", open ("/proc/self/mem", O_RDWR));
  late_path = open ("/proc/self/mem", O_PATH);
  try_open ("/proc/self/mem O_PATH", dup (late_path));
  try_open ("/proc/thread-self/mem", open ("/proc/thread-self/mem",
					   O_RDWR));
  snprintf (path, sizeof path, "/proc/%d/mem", (int) getpid ());
  try_open ("/proc/PID/mem", open (path, O_RDONLY));
  snprintf (path, sizeof path, "/proc/%d/task/%d/mem", (int) getpid (),
	    (int) other_tid);
  try_open ("/proc/PID/task/TID/mem", open (path, O_RDWR));
  snprintf (path, sizeof path, "/proc/self/task/%d/mem", (int) other_tid);
  try_open ("/proc/self/task/TID/mem", open (path, O_RDONLY));

  proc_self = open ("/proc/self", O_RDONLY | O_DIRECTORY);
  say ("open /proc/self", proc_self);
  try_open ("openat /proc/self mem", openat (proc_self, "mem", O_RDWR));
  try_open ("openat2 /proc/self mem", syscall (SYS_openat2, proc_self, "mem",
					       &how, sizeof how));
  proc = open ("/proc", O_PATH | O_DIRECTORY);
  say ("open /proc O_PATH", proc);
  try_open ("openat /proc self/mem", openat (proc, "self/mem", O_RDONLY));

  snprintf (link, sizeof link, "%s/harden-paths-%d", tmp, (int) getpid ());
  say ("symlink", symlink ("/proc/self/mem", link));
  try_open ("open symlink", open (link, O_RDWR));
  unlink (link);
  try_open ("creat", creat ("/proc/self/mem", 0600));

  say ("O_PATH made before the filter", early_path);
  snprintf (path, sizeof path, "/proc/self/fd/%d", early_path);
  try_open ("reopen /proc/self/fd/N read-only", open (path, O_RDONLY));
  try_open ("reopen /proc/self/fd/N read-write", open (path, O_RDWR));
  snprintf (path, sizeof path, "/dev/fd/%d", early_path);
  try_open ("reopen /dev/fd/N", open (path, O_RDONLY));
  snprintf (path, sizeof path, "/proc/self/fd/%d", late_path);
  try_open ("reopen an O_PATH made after it", open (path, O_RDWR));
  self_path = open ("/proc/self", O_PATH | O_DIRECTORY);
  say ("O_PATH of /proc/self", self_path);
  snprintf (path, sizeof path, "/proc/self/fd/%d/mem", self_path);
  try_open ("/proc/self/fd/N/mem", open (path, O_RDWR));

  try_open ("/proc/self/pagemap", open ("/proc/self/pagemap", O_RDONLY));

  pthread_mutex_unlock (&lock);
  pthread_join (t, NULL);
  return verdict ();
}
/* { dg-output "/proc/self/mem read-only: EPERM \[^\n\]*\n" } */
/* { dg-output "/proc/self/mem read-write: EPERM \[^\n\]*\n" } */
/* { dg-output "/proc/self/mem O_PATH: ok\n" } */
/* { dg-output "/proc/thread-self/mem: EPERM \[^\n\]*\n" } */
/* { dg-output "/proc/PID/mem: EPERM \[^\n\]*\n" } */
/* { dg-output "/proc/PID/task/TID/mem: EPERM \[^\n\]*\n" } */
/* { dg-output "/proc/self/task/TID/mem: EPERM \[^\n\]*\n" } */
/* { dg-output "open /proc/self: ok\n" } */
/* { dg-output "openat /proc/self mem: EPERM \[^\n\]*\n" } */
/* { dg-output "openat2 /proc/self mem: EPERM \[^\n\]*\n" } */
/* { dg-output "open /proc O_PATH: ok\n" } */
/* { dg-output "openat /proc self/mem: EPERM \[^\n\]*\n" } */
/* { dg-output "symlink: ok\n" } */
/* { dg-output "open symlink: EPERM \[^\n\]*\n" } */
/* { dg-output "creat: EPERM \[^\n\]*\n" } */
/* { dg-output "O_PATH made before the filter: ok\n" } */
/* { dg-output "reopen /proc/self/fd/N read-only: EPERM \[^\n\]*\n" } */
/* { dg-output "reopen /proc/self/fd/N read-write: EPERM \[^\n\]*\n" } */
/* { dg-output "reopen /dev/fd/N: EPERM \[^\n\]*\n" } */
/* { dg-output "reopen an O_PATH made after it: EPERM \[^\n\]*\n" } */
/* { dg-output "O_PATH of /proc/self: ok\n" } */
/* { dg-output "/proc/self/fd/N/mem: EPERM \[^\n\]*\n" } */
/* { dg-output "/proc/self/pagemap: EPERM \[^\n\]*\n" } */
/* { dg-output "locked 1, intact 1\n" } */
