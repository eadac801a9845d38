/* filter.c -- the rules of harden=1's seccomp filter.

   Protection keys bind user-mode accesses only.  Code that an attacker
   steers can still ask the kernel to retag, unmap, remap or replace the
   protected pages, to free our keys, to read or write them for it
   (/proc/PID/mem, process_vm_*, ptrace), to show it other threads'
   registers (perf, a core dump), or to load code that does any of this
   (a kernel module, a BPF program).  The filter, built once the
   program's constructors have run (harden.c), answers:

   - mprotect, munmap, madvise, mmap with MAP_FIXED, and mremap (the old
     range, and the new one with MREMAP_FIXED) on a guarded range: EPERM.
     Guarded (harden.c): every key's static ranges, every descriptor
     page, the heap (arenas so far and each key's reservation), the
     sealed gates' ledger, and every executable mapping that exists when
     the filter goes in, so that no code page can be moved next to
     another, replaced, or made writable;
   - pkey_mprotect on a guarded range: EPERM, except read+write with key
     K inside key K's heap reservation (how heap.c opens a new arena: the
     pages keep their key); with one of our keys anywhere else: EPERM;
     pkey_free of one of our keys: EPERM;
   - W^X: mprotect and pkey_mprotect with PROT_EXEC, an mmap with
     PROT_EXEC that is anonymous or also PROT_WRITE, shmat with SHM_EXEC:
     EPERM (no written bytes become code, so no new WRPKRU appears
     after scan=1 looked);
   - every open (open, creat, openat, openat2, any flags) raises SIGSYS,
     unless it comes from one of the three system call instructions of
     opener.c's helper (and two of them only open directories as
     O_PATH).  A filter cannot read a path; the helper opens the file in
     a descriptor table of its own and hands it over only once it has
     checked that it does not reach memory (opener.c);
   - process_vm_readv/writev, ptrace, process_madvise, pidfd_getfd,
     open_by_handle_at, perf_event_open, bpf, userfaultfd (and its
     ioctls, for /dev/userfaultfd), fanotify_init, io_uring_setup, _enter
     and _register, init_module, finit_module, kexec_load,
     kexec_file_load, iopl, ioperm, swapon, uselib, shmat with SHM_REMAP,
     execve and execveat: EPERM (see README for why each);
   - prctl (PR_SET_DUMPABLE) with anything but 0, and prctl (PR_SET_MM)
     (which can point /proc/self/environ at any memory): EPERM;
   - with sealed gates, arch_prctl (ARCH_SET_FS): EPERM;
   - the self-test's probe (harden.c) gets the answer of its cookie;
   - a system call of another ABI (x32, or a non-x86-64 audit
     architecture) kills the process.

   Everything else is allowed.  */

#include "harden.h"

#include <errno.h>
#include <fcntl.h>
#include <asm/prctl.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#ifndef SYS_pkey_mprotect
# define SYS_pkey_mprotect 329
#endif
#ifndef SYS_pkey_free
# define SYS_pkey_free 331
#endif
#ifndef SYS_io_uring_setup
# define SYS_io_uring_setup 425
#endif
#ifndef SYS_io_uring_enter
# define SYS_io_uring_enter 426
#endif
#ifndef SYS_io_uring_register
# define SYS_io_uring_register 427
#endif
#ifndef SYS_openat2
# define SYS_openat2 437
#endif
#ifndef SYS_pidfd_getfd
# define SYS_pidfd_getfd 438
#endif
#ifndef SYS_process_madvise
# define SYS_process_madvise 440
#endif
#ifndef SHM_REMAP
# define SHM_REMAP 040000
#endif
#ifndef SHM_EXEC
# define SHM_EXEC 0100000
#endif
#ifndef MREMAP_FIXED
# define MREMAP_FIXED 2
#endif
#ifndef PR_SET_MM
# define PR_SET_MM 35
#endif
/* x32 system calls have this bit set: refused outright.  */
#define X32_SYSCALL_BIT 0x40000000u
/* The ioctl type of userfaultfd (USERFAULTFD_IOC_NEW of /dev/userfaultfd,
   and every UFFDIO_*).  */
#define UFFD_IOCTL_TYPE 0xaa00u

#define NR_AT offsetof (struct seccomp_data, nr)
#define ARCH_AT offsetof (struct seccomp_data, arch)
#define ARG_LO(i) (offsetof (struct seccomp_data, args) + 8 * (i))
#define ARG_HI(i) (ARG_LO (i) + 4)

#define DENY (SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA))

/* System calls refused whatever their arguments.  */
static const uint32_t refused[] = {
  SYS_process_vm_writev, SYS_process_vm_readv, SYS_ptrace,
  SYS_process_madvise, SYS_pidfd_getfd, SYS_open_by_handle_at,
  SYS_perf_event_open, SYS_bpf, SYS_userfaultfd, SYS_fanotify_init,
  SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register,
  SYS_init_module, SYS_finit_module, SYS_kexec_load, SYS_kexec_file_load,
  SYS_iopl, SYS_ioperm, SYS_swapon, SYS_uselib, SYS_execve, SYS_execveat
};

/* Labels of the program, by what they decide.  */
struct labels
{
  size_t deny, allow, trap;
  size_t range01, overlap, mmap, mremap, mremap_old, mprotect;
  size_t pkey_mprotect, pkey_free, shmat, arch_prctl;
  size_t openat, openat2, prefix, prctl, ioctl, probe;
};

static void
new_labels (struct pkeyrt_bpf *p, struct labels *l)
{
  size_t *each = (size_t *) l;
  size_t i;

  for (i = 0; i < sizeof *l / sizeof *each; i++)
    each[i] = pkeyrt_bpf_label (p);
}

/* Which rule a system call goes to.  */

static void
dispatch (struct pkeyrt_bpf *p, const struct labels *l)
{
  size_t i;

  pkeyrt_bpf_load (p, ARCH_AT);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, AUDIT_ARCH_X86_64);
  pkeyrt_bpf_ret (p, SECCOMP_RET_KILL_PROCESS);
  pkeyrt_bpf_load (p, NR_AT);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, X32_SYSCALL_BIT);
  pkeyrt_bpf_ret (p, SECCOMP_RET_KILL_PROCESS);

  pkeyrt_bpf_if_eq (p, SYS_mprotect, l->mprotect);
  pkeyrt_bpf_if_eq (p, SYS_munmap, l->range01);
  pkeyrt_bpf_if_eq (p, SYS_madvise, l->range01);
  pkeyrt_bpf_if_eq (p, SYS_mmap, l->mmap);
  pkeyrt_bpf_if_eq (p, SYS_mremap, l->mremap);
  pkeyrt_bpf_if_eq (p, SYS_pkey_mprotect, l->pkey_mprotect);
  pkeyrt_bpf_if_eq (p, SYS_pkey_free, l->pkey_free);
  pkeyrt_bpf_if_eq (p, SYS_shmat, l->shmat);
  pkeyrt_bpf_if_eq (p, SYS_open, l->trap);
  pkeyrt_bpf_if_eq (p, SYS_creat, l->trap);
  pkeyrt_bpf_if_eq (p, SYS_openat, l->openat);
  pkeyrt_bpf_if_eq (p, SYS_openat2, l->openat2);
  pkeyrt_bpf_if_eq (p, SYS_prctl, l->prctl);
  pkeyrt_bpf_if_eq (p, SYS_ioctl, l->ioctl);
  pkeyrt_bpf_if_eq (p, PKEYRT_PROBE_NR, l->probe);
  for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
    pkeyrt_bpf_if_eq (p, refused[i], l->deny);
  if (pkeyrt_sealed ())
    pkeyrt_bpf_if_eq (p, SYS_arch_prctl, l->arch_prctl);
  pkeyrt_bpf_ret (p, SECCOMP_RET_ALLOW);
}

/* The rules on memory: guarded ranges, W^X, our keys.  */

static void
memory_rules (struct pkeyrt_bpf *p, const struct labels *l,
	      const struct pkeyrt_filter_spec *spec)
{
  const struct pkeyrt_guarded *g = spec->guarded;
  size_t n = spec->nguarded, i;
  uint32_t k;

  /* No memory becomes executable, so no written bytes become code (a
     gadget); guarded code never becomes writable.  */
  pkeyrt_bpf_place (p, l->mprotect);
  pkeyrt_bpf_load (p, ARG_LO (2));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, PROT_EXEC);
  pkeyrt_bpf_jump (p, l->deny);
  pkeyrt_bpf_jump (p, l->range01);

  /* Executable mappings only from files (dlopen), and never writable
     at once: a writable and executable mapping of a file (/dev/zero, a
     memfd) is as good as anonymous memory for new code.  mmap over a
     range replaces its pages only with MAP_FIXED.  */
  pkeyrt_bpf_place (p, l->mmap);
  pkeyrt_bpf_load (p, ARG_LO (2));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 5, PROT_EXEC);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, PROT_WRITE);
  pkeyrt_bpf_jump (p, l->deny);
  pkeyrt_bpf_load (p, ARG_LO (3));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, MAP_ANONYMOUS);
  pkeyrt_bpf_jump (p, l->deny);
  pkeyrt_bpf_load (p, ARG_LO (3));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, MAP_FIXED);
  pkeyrt_bpf_jump (p, l->range01);
  pkeyrt_bpf_jump (p, l->allow);

  /* shmat with SHM_REMAP replaces whatever is mapped at its address, over
     a length the filter cannot see; SHM_EXEC would break W^X.  */
  pkeyrt_bpf_place (p, l->shmat);
  pkeyrt_bpf_load (p, ARG_LO (2));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1,
		   SHM_REMAP | SHM_EXEC);
  pkeyrt_bpf_jump (p, l->deny);
  pkeyrt_bpf_jump (p, l->allow);

  pkeyrt_bpf_place (p, l->mremap);
  pkeyrt_bpf_load (p, ARG_LO (3));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JSET | BPF_K, 1, 0, MREMAP_FIXED);
  pkeyrt_bpf_jump (p, l->mremap_old);
  pkeyrt_bpf_load_range (p, 4, 2);
  pkeyrt_bpf_if_overlaps (p, g, n, l->deny);
  pkeyrt_bpf_place (p, l->mremap_old);
  pkeyrt_bpf_load_range (p, 0, 1);
  pkeyrt_bpf_jump (p, l->overlap);

  pkeyrt_bpf_place (p, l->range01);
  pkeyrt_bpf_load_range (p, 0, 1);
  pkeyrt_bpf_place (p, l->overlap);
  pkeyrt_bpf_if_overlaps (p, g, n, l->deny);
  pkeyrt_bpf_jump (p, l->allow);

  /* pkey_mprotect (addr, len, prot, pkey).  */
  pkeyrt_bpf_place (p, l->pkey_mprotect);
  pkeyrt_bpf_load (p, ARG_LO (2));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, PROT_EXEC);
  pkeyrt_bpf_jump (p, l->deny);
  pkeyrt_bpf_load_range (p, 0, 1);
  for (i = 0; i < n; i++)
    if (g[i].slot >= 0)
      {
	size_t no = pkeyrt_bpf_label (p), yes = pkeyrt_bpf_label (p);

	pkeyrt_bpf_if_ge64 (p, PKEYRT_M_START_HI, PKEYRT_M_START_LO,
			    g[i].start, yes);
	pkeyrt_bpf_jump (p, no);
	pkeyrt_bpf_place (p, yes);
	yes = pkeyrt_bpf_label (p);
	pkeyrt_bpf_if_le64 (p, PKEYRT_M_END_HI, PKEYRT_M_END_LO, g[i].end,
			    yes);
	pkeyrt_bpf_jump (p, no);
	pkeyrt_bpf_place (p, yes);
	pkeyrt_bpf_load (p, ARG_LO (3));
	pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 5,
			 (uint32_t) pkeyrt_keys[g[i].slot].hw_key);
	pkeyrt_bpf_load (p, ARG_LO (2));
	pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 3,
			 PROT_READ | PROT_WRITE);
	pkeyrt_bpf_load (p, ARG_HI (2));
	pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0);
	pkeyrt_bpf_jump (p, l->allow);
	pkeyrt_bpf_place (p, no);
      }
  pkeyrt_bpf_if_overlaps (p, g, n, l->deny);
  pkeyrt_bpf_load (p, ARG_LO (3));
  for (k = 0; k < pkeyrt_nkeys; k++)
    pkeyrt_bpf_if_eq (p, (uint32_t) pkeyrt_keys[k].hw_key, l->deny);
  pkeyrt_bpf_jump (p, l->allow);

  pkeyrt_bpf_place (p, l->pkey_free);
  pkeyrt_bpf_load (p, ARG_LO (0));
  for (k = 0; k < pkeyrt_nkeys; k++)
    pkeyrt_bpf_if_eq (p, (uint32_t) pkeyrt_keys[k].hw_key, l->deny);
  if (pkeyrt_sealed ())
    pkeyrt_bpf_if_eq (p, pkeyrt_seal_config.pkey, l->deny);
  pkeyrt_bpf_jump (p, l->allow);

  /* Sealed gates know a thread by its FS base: no thread may take
     another's.  */
  pkeyrt_bpf_place (p, l->arch_prctl);
  pkeyrt_bpf_load (p, ARG_LO (0));
  pkeyrt_bpf_if_eq (p, ARCH_SET_FS, l->deny);
  pkeyrt_bpf_jump (p, l->allow);
}

/* Opens: only opener.c's helper opens, from its three instructions.  */

static void
open_rules (struct pkeyrt_bpf *p, const struct labels *l)
{
  pkeyrt_bpf_place (p, l->openat);
  pkeyrt_bpf_if_ip (p, (uintptr_t) pkeyrt_opener_site, l->allow);
  pkeyrt_bpf_if_ip (p, (uintptr_t) pkeyrt_opener_prefix_site, l->prefix);
  pkeyrt_bpf_if_ip (p, (uintptr_t) pkeyrt_opener_dir_site, l->prefix);
  pkeyrt_bpf_jump (p, l->trap);

  /* Two of the helper's opens only ever make an O_PATH descriptor of a
     directory, which can neither read nor write.  */
  pkeyrt_bpf_place (p, l->prefix);
  pkeyrt_bpf_load (p, ARG_LO (2));
  pkeyrt_bpf_if_eq (p, PKEYRT_OPENER_PREFIX_FLAGS, l->allow);
  pkeyrt_bpf_jump (p, l->deny);

  pkeyrt_bpf_place (p, l->openat2);
  pkeyrt_bpf_if_ip (p, (uintptr_t) pkeyrt_opener_site, l->allow);
  pkeyrt_bpf_jump (p, l->trap);
}

/* prctl, ioctl and the self-test's probe.  */

static void
other_rules (struct pkeyrt_bpf *p, const struct labels *l,
	     const struct pkeyrt_filter_spec *spec)
{
  size_t i;

  /* Dumpable stays 0 (harden.c): no core dump, and no process of ours or
     of the same user may ptrace us or open our /proc/PID files.
     PR_SET_MM moves arg_start/env_start, which /proc/PID/cmdline and
     environ read through the kernel's remote access, PKRU unchecked.  */
  pkeyrt_bpf_place (p, l->prctl);
  pkeyrt_bpf_load (p, ARG_LO (0));
  pkeyrt_bpf_if_eq (p, PR_SET_MM, l->deny);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, PR_SET_DUMPABLE);
  pkeyrt_bpf_jump (p, l->allow);
  pkeyrt_bpf_if_arg_eq64 (p, 1, 0, l->allow);
  pkeyrt_bpf_jump (p, l->deny);

  pkeyrt_bpf_place (p, l->ioctl);
  pkeyrt_bpf_load (p, ARG_LO (1));
  pkeyrt_bpf_emit (p, BPF_ALU | BPF_AND | BPF_K, 0, 0, 0xff00u);
  pkeyrt_bpf_if_eq (p, UFFD_IOCTL_TYPE, l->deny);
  pkeyrt_bpf_jump (p, l->allow);

  pkeyrt_bpf_place (p, l->probe);
  for (i = 0; i < PKEYRT_PROBE_COUNT; i++)
    {
      size_t no = pkeyrt_bpf_label (p), yes = pkeyrt_bpf_label (p);

      pkeyrt_bpf_if_arg_eq64 (p, 0, spec->probes[i].cookie, yes);
      pkeyrt_bpf_jump (p, no);
      pkeyrt_bpf_place (p, yes);
      pkeyrt_bpf_ret (p, SECCOMP_RET_ERRNO
			 | (spec->probes[i].answer & SECCOMP_RET_DATA));
      pkeyrt_bpf_place (p, no);
    }
  pkeyrt_bpf_ret (p, SECCOMP_RET_ERRNO | ENOSYS);
}

void
pkeyrt_filter_build (struct pkeyrt_bpf *p,
		     const struct pkeyrt_filter_spec *spec)
{
  struct labels l;

  new_labels (p, &l);
  dispatch (p, &l);
  memory_rules (p, &l, spec);
  open_rules (p, &l);
  other_rules (p, &l, spec);

  pkeyrt_bpf_place (p, l.trap);
  pkeyrt_bpf_ret (p, SECCOMP_RET_TRAP);
  pkeyrt_bpf_place (p, l.deny);
  pkeyrt_bpf_ret (p, DENY);
  pkeyrt_bpf_place (p, l.allow);
  pkeyrt_bpf_ret (p, SECCOMP_RET_ALLOW);
  pkeyrt_bpf_resolve (p);
}
