/* harden.c -- harden=1: a seccomp filter that keeps the kernel from being
   used as a deputy against protected memory.

   Protection keys bind user-mode accesses only.  Code that an attacker
   steers can still ask the kernel to retag, unmap, remap or replace the
   protected pages, to free our keys, or to write them through
   /proc/self/mem or process_vm_writev, none of which PKRU stops.  Once
   the program's own constructors have run (the shared runtime wraps
   main through __libc_start_main; a static program's runtime constructor
   runs after every unit), this file installs, on every thread, a classic
   BPF filter written by hand:

   - mprotect, munmap, madvise, mmap with MAP_FIXED, and mremap (the old
     range, and the new one with MREMAP_FIXED) on a guarded range fail
     with EPERM.  Guarded: every key's static ranges, every descriptor
     page, every heap arena made so far, and one reserved range per key
     where all later arenas of that key go (heap.c), tagged with the key
     from the start;
   - pkey_mprotect on a guarded range fails, except read+write with key K
     inside key K's heap reservation (how heap.c opens a new arena: the
     pages keep their key, so this gives nothing away); pkey_mprotect
     with one of our keys anywhere else fails; so does pkey_free of one of
     our keys;
   - process_vm_writev and process_vm_readv fail (the kernel's copy does
     not check PKRU), and so do ptrace (a child could attach to us and
     poke), process_madvise, shmat with SHM_REMAP or SHM_EXEC, and
     io_uring_setup (a ring's requests do not pass the filter);
   - open, openat and creat with write access, and every openat2 (whose
     flags the filter cannot read), raise SIGSYS.  A filter cannot read a
     path.  The handler below makes the call itself, from one instruction
     that the filter lets through, then looks at what it opened: a
     /proc/PID/mem or /proc/PID/task/TID/mem file (procfs, named "mem") is
     closed again and the call fails with EPERM.  Checking the opened file
     instead of the path string leaves no race with a thread that rewrites
     the path or a symlink.
   - with sealed gates: arch_prctl (ARCH_SET_FS) fails, and the ledger and
     its settings page are guarded like protected pages.

   - W^X from then on: mprotect and pkey_mprotect with PROT_EXEC fail, and
     so does an anonymous mmap with PROT_EXEC (dlopen maps code from
     files, which stays allowed).  Code pages cannot be made writable and
     executable again, and written bytes cannot become code: no new
     WRPKRU appears after scan=1 looked (JIT compilers stop working).

   Everything else is allowed.  Only hw mode can be hardened: the
   emulation's every grant is an mprotect of protected pages (init.c
   refuses harden=1 in the other modes).  README lists what this does not
   cover.  */

#include "pkeyrt.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <asm/prctl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef SYS_pkey_mprotect
# define SYS_pkey_mprotect 329
#endif
#ifndef SYS_pkey_free
# define SYS_pkey_free 331
#endif
#ifndef SYS_io_uring_setup
# define SYS_io_uring_setup 425
#endif
#ifndef SYS_openat2
# define SYS_openat2 437
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
#define PROC_SUPER_MAGIC_ 0x9fa0
/* x32 system calls have this bit set: refused outright.  */
#define X32_SYSCALL_BIT 0x40000000u

/* Offsets in struct seccomp_data.  */
#define NR_AT offsetof (struct seccomp_data, nr)
#define ARCH_AT offsetof (struct seccomp_data, arch)
#define IP_AT offsetof (struct seccomp_data, instruction_pointer)
#define ARG_LO(i) (offsetof (struct seccomp_data, args) + 8 * (i))
#define ARG_HI(i) (ARG_LO (i) + 4)

/* Scratch words: the range a call names, [M_START, M_END).  */
#define M_START_LO 0
#define M_START_HI 1
#define M_END_LO 2
#define M_END_HI 3

/* A guarded range; SLOT >= 0 for a key's heap reservation.  */
struct guarded
{
  uintptr_t start, end;
  int slot;
};

static struct guarded *guarded;
static size_t nguarded, guarded_alloc;

/* Descriptor pages, noted as units fill them (init.c).  */
static uintptr_t *descriptors;
static size_t ndescriptors, descriptors_alloc;

static int active;

int
pkeyrt_harden_active (void)
{
  return __atomic_load_n (&active, __ATOMIC_ACQUIRE);
}

static void *
grow (void *p, size_t *alloc, size_t need, size_t size)
{
  size_t n = *alloc ? *alloc : 16;

  if (need <= *alloc)
    return p;
  while (n < need)
    n *= 2;
  p = realloc (p, n * size);
  if (p == NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: out of memory");
  *alloc = n;
  return p;
}

/* Called with pkeyrt_lock held.  */

void
pkeyrt_harden_add_descriptor (const void *desc)
{
  descriptors = grow (descriptors, &descriptors_alloc, ndescriptors + 1,
		      sizeof *descriptors);
  descriptors[ndescriptors++] = (uintptr_t) desc;
}

/* Call FN on every descriptor filled so far.  Called with pkeyrt_lock
   held.  */

void
pkeyrt_each_descriptor (void (*fn) (struct pkeyplug_key_desc *))
{
  size_t n;

  for (n = 0; n < ndescriptors; n++)
    fn ((struct pkeyplug_key_desc *) descriptors[n]);
}

static void
add_guarded (uintptr_t start, uintptr_t end, int slot)
{
  guarded = grow (guarded, &guarded_alloc, nguarded + 1, sizeof *guarded);
  guarded[nguarded].start = start;
  guarded[nguarded].end = end;
  guarded[nguarded].slot = slot;
  nguarded++;
}

static int
compare_guarded (const void *pa, const void *pb)
{
  const struct guarded *a = pa, *b = pb;

  return a->start < b->start ? -1 : a->start > b->start;
}

/* The filter program, built with labels: conditional jumps only ever go
   a few instructions ahead (their offsets are 8 bits); anything farther
   is a BPF_JA to a label, fixed up at the end.  */

#define MAX_INSNS BPF_MAXINSNS
#define MAX_LABELS 4096

struct prog
{
  struct sock_filter insn[MAX_INSNS];
  size_t n;
  size_t label_at[MAX_LABELS];	/* SIZE_MAX: not placed yet.  */
  size_t nlabels;
  size_t jump_from[MAX_LABELS * 2];
  size_t jump_to[MAX_LABELS * 2];
  size_t njumps;
};

static void
emit (struct prog *p, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
  if (p->n == MAX_INSNS)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: the filter would be "
		  "longer than %d instructions (%zu guarded ranges)",
		  MAX_INSNS, nguarded);
  p->insn[p->n].code = code;
  p->insn[p->n].jt = jt;
  p->insn[p->n].jf = jf;
  p->insn[p->n].k = k;
  p->n++;
}

static size_t
new_label (struct prog *p)
{
  if (p->nlabels == MAX_LABELS)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: the filter is too big "
		  "(%zu guarded ranges)", nguarded);
  p->label_at[p->nlabels] = SIZE_MAX;
  return p->nlabels++;
}

static void
place (struct prog *p, size_t label)
{
  p->label_at[label] = p->n;
}

static void
jump (struct prog *p, size_t label)
{
  if (p->njumps == sizeof p->jump_from / sizeof p->jump_from[0])
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: the filter is too big "
		  "(%zu guarded ranges)", nguarded);
  p->jump_from[p->njumps] = p->n;
  p->jump_to[p->njumps++] = label;
  emit (p, BPF_JMP | BPF_JA, 0, 0, 0);
}

static void
resolve (struct prog *p)
{
  size_t i;

  for (i = 0; i < p->njumps; i++)
    p->insn[p->jump_from[i]].k
      = (uint32_t) (p->label_at[p->jump_to[i]] - p->jump_from[i] - 1);
}

static void
load_abs (struct prog *p, uint32_t at)
{
  emit (p, BPF_LD | BPF_W | BPF_ABS, 0, 0, at);
}

static void
load_mem (struct prog *p, uint32_t m)
{
  emit (p, BPF_LD | BPF_MEM, 0, 0, m);
}

static void
store_mem (struct prog *p, uint32_t m)
{
  emit (p, BPF_ST, 0, 0, m);
}

static void
ret (struct prog *p, uint32_t action)
{
  emit (p, BPF_RET | BPF_K, 0, 0, action);
}

/* If A == K goto LABEL.  */

static void
if_eq (struct prog *p, uint32_t k, size_t label)
{
  emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, k);
  jump (p, label);
}

/* Scratch: [M_START, M_END) = [arg START_ARG, + arg LEN_ARG), the sum
   taken over 64 bits.  A sum that wraps names no range the kernel
   accepts.  */

static void
load_range (struct prog *p, int start_arg, int len_arg)
{
  load_abs (p, ARG_LO (start_arg));
  store_mem (p, M_START_LO);
  load_abs (p, ARG_HI (start_arg));
  store_mem (p, M_START_HI);
  load_abs (p, ARG_LO (len_arg));
  emit (p, BPF_MISC | BPF_TAX, 0, 0, 0);
  load_mem (p, M_START_LO);
  emit (p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
  store_mem (p, M_END_LO);
  /* Carry out of the low words: the sum is below an addend.  */
  emit (p, BPF_JMP | BPF_JGE | BPF_X, 2, 0, 0);
  emit (p, BPF_LD | BPF_IMM, 0, 0, 1);
  emit (p, BPF_JMP | BPF_JA, 0, 0, 1);
  emit (p, BPF_LD | BPF_IMM, 0, 0, 0);
  emit (p, BPF_MISC | BPF_TAX, 0, 0, 0);
  load_abs (p, ARG_HI (len_arg));
  emit (p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
  emit (p, BPF_MISC | BPF_TAX, 0, 0, 0);
  load_mem (p, M_START_HI);
  emit (p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
  store_mem (p, M_END_HI);
}

/* If the 64-bit scratch value (HI, LO) >= C goto LABEL.  */

static void
if_ge64 (struct prog *p, uint32_t hi, uint32_t lo, uint64_t c, size_t label)
{
  load_mem (p, hi);
  emit (p, BPF_JMP | BPF_JGT | BPF_K, 3, 0, (uint32_t) (c >> 32));
  emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 3, (uint32_t) (c >> 32));
  load_mem (p, lo);
  emit (p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, (uint32_t) c);
  jump (p, label);
}

/* If the 64-bit scratch value (HI, LO) <= C goto LABEL.  */

static void
if_le64 (struct prog *p, uint32_t hi, uint32_t lo, uint64_t c, size_t label)
{
  load_mem (p, hi);
  emit (p, BPF_JMP | BPF_JGT | BPF_K, 4, 0, (uint32_t) (c >> 32));
  emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 2, (uint32_t) (c >> 32));
  load_mem (p, lo);
  emit (p, BPF_JMP | BPF_JGT | BPF_K, 1, 0, (uint32_t) c);
  jump (p, label);
}

/* If the scratch range overlaps a guarded range goto LABEL.  */

static void
if_overlaps (struct prog *p, size_t label)
{
  size_t i;

  for (i = 0; i < nguarded; i++)
    {
      size_t next = new_label (p);

      if_ge64 (p, M_START_HI, M_START_LO, guarded[i].end, next);
      if_le64 (p, M_END_HI, M_END_LO, guarded[i].start, next);
      jump (p, label);
      place (p, next);
    }
}

/* If the call came from the handler's own system call goto LABEL.  */

static void
if_from_handler (struct prog *p, uintptr_t site, size_t label)
{
  load_abs (p, IP_AT);
  emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 3, (uint32_t) site);
  load_abs (p, IP_AT + 4);
  emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, (uint32_t) (site >> 32));
  jump (p, label);
}

/* The instruction after the handler's syscall: what the filter sees as
   the instruction pointer of the calls it makes.  */
extern const char pkeyrt_harden_syscall_return[] __attribute__ ((visibility ("hidden")));

/* long pkeyrt_harden_syscall (long nr, long a, long b, long c, long d,
   long e, long f): a bare system call, returning -errno.  */
extern long pkeyrt_harden_syscall (long, long, long, long, long, long, long)
  __attribute__ ((visibility ("hidden")));

__asm__ (".text\n"
	 "\t.hidden pkeyrt_harden_syscall\n"
	 "\t.hidden pkeyrt_harden_syscall_return\n"
	 "\t.type pkeyrt_harden_syscall, @function\n"
	 "pkeyrt_harden_syscall:\n"
	 "\tmovq %rdi, %rax\n"
	 "\tmovq %rsi, %rdi\n"
	 "\tmovq %rdx, %rsi\n"
	 "\tmovq %rcx, %rdx\n"
	 "\tmovq %r8, %r10\n"
	 "\tmovq %r9, %r8\n"
	 "\tmovq 8(%rsp), %r9\n"
	 "\tsyscall\n"
	 "pkeyrt_harden_syscall_return:\n"
	 "\tret\n"
	 "\t.size pkeyrt_harden_syscall, .-pkeyrt_harden_syscall\n");

static void
build (struct prog *p)
{
  size_t deny = new_label (p), allow = new_label (p), trap = new_label (p);
  size_t range01 = new_label (p), overlap = new_label (p);
  size_t mmap_l = new_label (p), mremap_l = new_label (p);
  size_t mremap_old = new_label (p), pkey_mprotect_l = new_label (p);
  size_t pkey_free_l = new_label (p), open_l = new_label (p);
  size_t mprotect_l = new_label (p), shmat_l = new_label (p);
  size_t openat_l = new_label (p), trap_open = new_label (p);
  size_t arch_prctl_l = new_label (p);
  uintptr_t site = (uintptr_t) pkeyrt_harden_syscall_return;
  size_t i;
  uint32_t k;

  load_abs (p, ARCH_AT);
  emit (p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, AUDIT_ARCH_X86_64);
  ret (p, SECCOMP_RET_KILL_PROCESS);
  load_abs (p, NR_AT);
  emit (p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, X32_SYSCALL_BIT);
  ret (p, SECCOMP_RET_KILL_PROCESS);

  if_eq (p, SYS_mprotect, mprotect_l);
  if_eq (p, SYS_munmap, range01);
  if_eq (p, SYS_madvise, range01);
  if_eq (p, SYS_mmap, mmap_l);
  if_eq (p, SYS_mremap, mremap_l);
  if_eq (p, SYS_pkey_mprotect, pkey_mprotect_l);
  if_eq (p, SYS_pkey_free, pkey_free_l);
  if_eq (p, SYS_process_vm_writev, deny);
  if_eq (p, SYS_process_vm_readv, deny);
  if_eq (p, SYS_io_uring_setup, deny);
  if_eq (p, SYS_process_madvise, deny);
  if_eq (p, SYS_ptrace, deny);
  if_eq (p, SYS_shmat, shmat_l);
  if_eq (p, SYS_open, open_l);
  if_eq (p, SYS_openat, openat_l);
  if_eq (p, SYS_creat, trap_open);
  if_eq (p, SYS_openat2, trap_open);
  if (pkeyrt_sealed ())
    if_eq (p, SYS_arch_prctl, arch_prctl_l);
  ret (p, SECCOMP_RET_ALLOW);

  /* Sealed gates know a thread by its FS base: no thread may take
     another's.  */
  place (p, arch_prctl_l);
  load_abs (p, ARG_LO (0));
  if_eq (p, ARCH_SET_FS, deny);
  jump (p, allow);

  /* W^X from now on: no memory becomes executable, so no written bytes
     become code (a gadget), and code never becomes writable again.  */
  place (p, mprotect_l);
  load_abs (p, ARG_LO (2));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, PROT_EXEC);
  jump (p, deny);
  jump (p, range01);

  /* Executable mappings only from files (dlopen); mmap over a range
     replaces its pages only with MAP_FIXED.  */
  place (p, mmap_l);
  load_abs (p, ARG_LO (2));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 3, PROT_EXEC);
  load_abs (p, ARG_LO (3));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, MAP_ANONYMOUS);
  jump (p, deny);
  load_abs (p, ARG_LO (3));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, MAP_FIXED);
  jump (p, range01);
  jump (p, allow);

  /* shmat with SHM_REMAP replaces whatever is mapped at its address, over
     a length the filter cannot see; SHM_EXEC would break W^X.  */
  place (p, shmat_l);
  load_abs (p, ARG_LO (2));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, SHM_REMAP | SHM_EXEC);
  jump (p, deny);
  jump (p, allow);

  place (p, mremap_l);
  load_abs (p, ARG_LO (3));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 1, 0, MREMAP_FIXED);
  jump (p, mremap_old);
  load_range (p, 4, 2);
  if_overlaps (p, deny);
  place (p, mremap_old);
  load_range (p, 0, 1);
  jump (p, overlap);

  place (p, range01);
  load_range (p, 0, 1);
  place (p, overlap);
  if_overlaps (p, deny);
  jump (p, allow);

  /* pkey_mprotect (addr, len, prot, pkey).  */
  place (p, pkey_mprotect_l);
  load_abs (p, ARG_LO (2));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, PROT_EXEC);
  jump (p, deny);
  load_range (p, 0, 1);
  for (i = 0; i < nguarded; i++)
    if (guarded[i].slot >= 0)
      {
	size_t no = new_label (p), yes = new_label (p);

	if_ge64 (p, M_START_HI, M_START_LO, guarded[i].start, yes);
	jump (p, no);
	place (p, yes);
	yes = new_label (p);
	if_le64 (p, M_END_HI, M_END_LO, guarded[i].end, yes);
	jump (p, no);
	place (p, yes);
	load_abs (p, ARG_LO (3));
	emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 5,
	      (uint32_t) pkeyrt_keys[guarded[i].slot].hw_key);
	load_abs (p, ARG_LO (2));
	emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 3, PROT_READ | PROT_WRITE);
	load_abs (p, ARG_HI (2));
	emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0);
	jump (p, allow);
	place (p, no);
      }
  if_overlaps (p, deny);
  load_abs (p, ARG_LO (3));
  for (k = 0; k < pkeyrt_nkeys; k++)
    if_eq (p, (uint32_t) pkeyrt_keys[k].hw_key, deny);
  jump (p, allow);

  place (p, pkey_free_l);
  load_abs (p, ARG_LO (0));
  for (k = 0; k < pkeyrt_nkeys; k++)
    if_eq (p, (uint32_t) pkeyrt_keys[k].hw_key, deny);
  if (pkeyrt_sealed ())
    if_eq (p, pkeyrt_seal_config.pkey, deny);
  jump (p, allow);

  /* Opens with write access: O_ACCMODE bits other than O_RDONLY.  */
  place (p, open_l);
  if_from_handler (p, site, allow);
  load_abs (p, ARG_LO (1));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, O_ACCMODE);
  jump (p, trap);
  jump (p, allow);

  place (p, openat_l);
  if_from_handler (p, site, allow);
  load_abs (p, ARG_LO (2));
  emit (p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, O_ACCMODE);
  jump (p, trap);
  jump (p, allow);

  place (p, trap_open);
  if_from_handler (p, site, allow);
  jump (p, trap);

  place (p, trap);
  ret (p, SECCOMP_RET_TRAP);
  place (p, deny);
  ret (p, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA));
  place (p, allow);
  ret (p, SECCOMP_RET_ALLOW);
  resolve (p);
}

/* Is FD a /proc/PID/mem file (of any process or thread)?  When it is on
   procfs and its name cannot be read, say yes: refusing is the safe
   answer.  */

static int
is_proc_mem (long fd)
{
  struct statfs sfs;
  char link[64], target[256];
  long n;
  int len;

  if (pkeyrt_harden_syscall (SYS_fstatfs, fd, (long) &sfs, 0, 0, 0, 0) != 0
      || sfs.f_type != PROC_SUPER_MAGIC_)
    return 0;
  len = snprintf (link, sizeof link, "/proc/self/fd/%ld", fd);
  if (len <= 0 || len >= (int) sizeof link)
    return 1;
  n = pkeyrt_harden_syscall (SYS_readlink, (long) link, (long) target,
			     sizeof target - 1, 0, 0, 0);
  if (n <= 0)
    return 1;
  target[n] = '\0';
  return n >= 4 && strcmp (target + n - 4, "/mem") == 0;
}

/* SIGSYS from the filter: an open with write access.  Make it, then
   refuse what must not be opened.  */

static void
sigsys_handler (int sig, siginfo_t *info, void *ctx)
{
  ucontext_t *uc = ctx;
  greg_t *r = uc->uc_mcontext.gregs;
  long result;

  (void) sig;
  if (info->si_code != 1 /* SYS_SECCOMP */)
    return;
  result = pkeyrt_harden_syscall (info->si_syscall, r[REG_RDI], r[REG_RSI],
				  r[REG_RDX], r[REG_R10], r[REG_R8],
				  r[REG_R9]);
  if (result >= 0 && is_proc_mem (result))
    {
      pkeyrt_harden_syscall (SYS_close, result, 0, 0, 0, 0, 0);
      result = -EPERM;
    }
  r[REG_RAX] = result;
}

void
pkeyrt_harden_install (void)
{
  static struct prog prog;
  struct sock_fprog fprog;
  struct sigaction sa;
  uint32_t i, j;
  size_t n;
  pkeyrt_lock_state lk;

  if (!pkeyrt_harden || pkeyrt_harden_active ())
    return;
  pkeyrt_heap_reserve ();

  pkeyrt_lock (&lk);
  for (i = 0; i < pkeyrt_nkeys; i++)
    for (j = 0; j < pkeyrt_keys[i].nranges; j++)
      add_guarded (pkeyrt_keys[i].ranges[j].start,
		   pkeyrt_keys[i].ranges[j].end, -1);
  for (n = 0; n < ndescriptors; n++)
    add_guarded (descriptors[n], descriptors[n] + PKEYPLUG_PAGE_SIZE, -1);
  if (pkeyrt_sealed ())
    {
      uintptr_t config = (uintptr_t) &pkeyrt_seal_config;
      add_guarded (config, config + PKEYPLUG_PAGE_SIZE, -1);
      add_guarded (pkeyrt_seal_config.ledger,
		   pkeyrt_seal_config.ledger + pkeyrt_seal_ledger_size (), -1);
    }
  pkeyrt_unlock (&lk);
  pkeyrt_heap_ranges (add_guarded);

  /* Fewer, merged ranges make a shorter filter; reservations stay apart,
     since the filter treats them on their own.  */
  qsort (guarded, nguarded, sizeof *guarded, compare_guarded);
  for (i = 0, n = 0; i < nguarded; i++)
    if (n > 0 && guarded[n - 1].slot < 0 && guarded[i].slot < 0
	&& guarded[i].start <= guarded[n - 1].end)
      {
	if (guarded[i].end > guarded[n - 1].end)
	  guarded[n - 1].end = guarded[i].end;
      }
    else
      guarded[n++] = guarded[i];
  nguarded = n;

  memset (&prog, 0, sizeof prog);
  build (&prog);

  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = sigsys_handler;
  sigemptyset (&sa.sa_mask);
  sa.sa_flags = SA_SIGINFO;
  if (sigaction (SIGSYS, &sa, NULL) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: cannot install the "
		  "SIGSYS handler: %s", strerror (errno));

  /* Without CAP_SYS_ADMIN the kernel takes a filter only from a process
     that can gain no privileges.  TSYNC: threads that constructors
     started get the filter too.  */
  fprog.len = (unsigned short) prog.n;
  fprog.filter = prog.insn;
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: cannot set "
		  "no_new_privs: %s", strerror (errno));
  if (syscall (SYS_seccomp, SECCOMP_SET_MODE_FILTER,
	       SECCOMP_FILTER_FLAG_TSYNC, &fprog) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: cannot install the "
		  "seccomp filter: %s", strerror (errno));
  __atomic_store_n (&active, 1, __ATOMIC_RELEASE);
  if (pkeyrt_verbose)
    pkeyrt_note ("harden=1: seccomp filter of %zu instructions guards %zu "
		 "ranges", prog.n, nguarded);
}

#ifdef PIC

/* The shared runtime's constructor runs before the program's: the
   filter goes in when main is called, after every constructor, through
   this __libc_start_main.  */

typedef int main_fn (int, char **, char **);
typedef int start_main_fn (main_fn *, int, char **, void (*) (void),
			   void (*) (void), void (*) (void), void *);

static main_fn *real_main;
static int wraps_main;

static int
hardened_main (int argc, char **argv, char **envp)
{
  pkeyrt_harden_install ();
  return real_main (argc, argv, envp);
}

PKEYRT_EXPORT int
__libc_start_main (main_fn *main, int argc, char **argv,
		   void (*init) (void), void (*fini) (void),
		   void (*rtld_fini) (void), void *stack_end)
{
  start_main_fn *real
    = (start_main_fn *) dlsym (RTLD_NEXT, "__libc_start_main");

  if (real == NULL)
    abort ();
  real_main = main;
  return real (hardened_main, argc, argv, init, fini, rtld_fini, stack_end);
}

/* From the runtime's constructor: if the program does not start through
   our __libc_start_main (libpkeyrt came in with dlopen, or the program
   binds another), install now.  */

void
pkeyrt_harden_at_init (void)
{
  wraps_main = dlsym (RTLD_DEFAULT, "__libc_start_main")
	       == (void *) __libc_start_main;
  if (!wraps_main)
    pkeyrt_harden_install ();
}

#else /* !PIC */

void
pkeyrt_harden_at_init (void)
{
  pkeyrt_harden_install ();
}

#endif /* PIC */
