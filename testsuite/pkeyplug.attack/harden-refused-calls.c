/* harden=1: the system calls that reach memory, registers or the kernel
   some other way are refused with EPERM whatever their arguments:
   perf_event_open (PERF_SAMPLE_REGS_USER copies the registers of threads
   inside grants), bpf, pidfd_getfd (a descriptor out of another table),
   open_by_handle_at, userfaultfd and its ioctls (/dev/userfaultfd),
   fanotify_init (its events carry descriptors), io_uring_enter and
   io_uring_register (a ring made before the filter), init_module,
   finit_module, kexec_load, iopl, ioperm, swapon, uselib, execve and
   execveat (an exec'd program keeps the filter but not the handler, and
   could place its own code at the helper's allowed instruction), and
   prctl (PR_SET_MM).  The test runs as root in the PKU virtual machine,
   where each of them would otherwise be allowed or fail for another
   reason.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <linux/userfaultfd.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "reach.h"

#ifndef SYS_pidfd_open
# define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
# define SYS_pidfd_getfd 438
#endif
#ifndef SYS_io_uring_enter
# define SYS_io_uring_enter 426
#endif
#ifndef SYS_io_uring_register
# define SYS_io_uring_register 427
#endif
#ifndef USERFAULTFD_IOC_NEW
# define USERFAULTFD_IOC_NEW _IO (0xAA, 0x00)
#endif

int
main (void)
{
  struct perf_event_attr pe;
  union bpf_attr map;
  struct
  {
    struct file_handle h;
    unsigned char bytes[128];
  } handle;
  const char *tmp = getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp";
  char file[256];
  unsigned long mm_size = 0;
  long pidfd, uffd;
  int mount_id, status;
  pid_t child;
  char *argv[] = { (char *) "/bin/true", NULL }, *envp[] = { NULL };

  memset (&pe, 0, sizeof pe);
  pe.size = sizeof pe;
  pe.type = PERF_TYPE_SOFTWARE;
  pe.config = PERF_COUNT_SW_CPU_CLOCK;
  pe.sample_period = 1000;
  pe.sample_type = PERF_SAMPLE_REGS_USER;
  pe.sample_regs_user = 0xff;
  say ("perf_event_open", syscall (SYS_perf_event_open, &pe, 0, -1, -1, 0));

  memset (&map, 0, sizeof map);
  map.map_type = BPF_MAP_TYPE_ARRAY;
  map.key_size = 4;
  map.value_size = 4;
  map.max_entries = 1;
  say ("bpf", syscall (SYS_bpf, BPF_MAP_CREATE, &map, sizeof map));

  pidfd = syscall (SYS_pidfd_open, getpid (), 0);
  say ("pidfd_open", pidfd);
  say ("pidfd_getfd", syscall (SYS_pidfd_getfd, pidfd, 1, 0));

  /* A file on the tmpfs TMPDIR: it has handles, the 9p root has none.  */
  snprintf (file, sizeof file, "%s/harden-handle-%d", tmp, (int) getpid ());
  close (open (file, O_WRONLY | O_CREAT, 0600));
  handle.h.handle_bytes = sizeof handle.bytes;
  say ("name_to_handle_at", syscall (SYS_name_to_handle_at, AT_FDCWD, file,
				     &handle.h, &mount_id, 0));
  unlink (file);
  say ("open_by_handle_at", syscall (SYS_open_by_handle_at, AT_FDCWD,
				     &handle.h, O_RDONLY));

  say ("userfaultfd", syscall (SYS_userfaultfd, O_CLOEXEC));
  uffd = open ("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
  say ("open /dev/userfaultfd", uffd);
  say ("USERFAULTFD_IOC_NEW", ioctl ((int) uffd, USERFAULTFD_IOC_NEW,
				     O_CLOEXEC));
  say ("fanotify_init", syscall (SYS_fanotify_init, 0, O_RDONLY));
  say ("io_uring_enter", syscall (SYS_io_uring_enter, 0, 0, 0, 0, NULL, 0));
  say ("io_uring_register", syscall (SYS_io_uring_register, 0, 0, NULL, 0));
  say ("init_module", syscall (SYS_init_module, NULL, 0, ""));
  say ("finit_module", syscall (SYS_finit_module, -1, "", 0));
  say ("kexec_load", syscall (SYS_kexec_load, 0, 0, NULL, 0xffff0000ul));
  say ("iopl", syscall (SYS_iopl, 3));
  say ("ioperm", syscall (SYS_ioperm, 0x80, 1, 1));
  say ("swapon", syscall (SYS_swapon, NULL, 0));
  say ("uselib", syscall (SYS_uselib, NULL));
  say ("prctl PR_SET_MM", prctl (PR_SET_MM, PR_SET_MM_MAP_SIZE, &mm_size,
				 0, 0));

  /* In a child: were exec allowed, the program would be gone.  */
  fflush (stdout);
  child = fork ();
  if (child == 0)
    {
      say ("execve", execve (argv[0], argv, envp));
      say ("execveat", syscall (SYS_execveat, AT_FDCWD, argv[0], argv, envp,
				0));
      fflush (stdout);
      _exit (0);
    }
  waitpid (child, &status, 0);
  return verdict ();
}
/* { dg-output "perf_event_open: EPERM \[^\n\]*\n" } */
/* { dg-output "bpf: EPERM \[^\n\]*\n" } */
/* { dg-output "pidfd_open: ok\n" } */
/* { dg-output "pidfd_getfd: EPERM \[^\n\]*\n" } */
/* { dg-output "name_to_handle_at: ok\n" } */
/* { dg-output "open_by_handle_at: EPERM \[^\n\]*\n" } */
/* { dg-output "userfaultfd: EPERM \[^\n\]*\n" } */
/* { dg-output "open /dev/userfaultfd: ok\n" } */
/* { dg-output "USERFAULTFD_IOC_NEW: EPERM \[^\n\]*\n" } */
/* { dg-output "fanotify_init: EPERM \[^\n\]*\n" } */
/* { dg-output "io_uring_enter: EPERM \[^\n\]*\n" } */
/* { dg-output "io_uring_register: EPERM \[^\n\]*\n" } */
/* { dg-output "init_module: EPERM \[^\n\]*\n" } */
/* { dg-output "finit_module: EPERM \[^\n\]*\n" } */
/* { dg-output "kexec_load: EPERM \[^\n\]*\n" } */
/* { dg-output "iopl: EPERM \[^\n\]*\n" } */
/* { dg-output "ioperm: EPERM \[^\n\]*\n" } */
/* { dg-output "swapon: EPERM \[^\n\]*\n" } */
/* { dg-output "uselib: EPERM \[^\n\]*\n" } */
/* { dg-output "prctl PR_SET_MM: EPERM \[^\n\]*\n" } */
/* { dg-output "execve: EPERM \[^\n\]*\n" } */
/* { dg-output "execveat: EPERM \[^\n\]*\n" } */
/* { dg-output "locked 1, intact 1\n" } */
