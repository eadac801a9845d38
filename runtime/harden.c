/* harden.c -- harden=1: keep the kernel from being used as a deputy
   against protected memory.

   Protection keys bind user-mode accesses only.  Code that an attacker
   steers can still ask the kernel to retag, unmap or replace protected
   pages, to read or write them for it, or to show it other threads'
   registers.  Once the program's own constructors have run (the shared
   runtime wraps main through __libc_start_main; a static program's
   runtime constructor runs after every unit), this file:

   - collects what the filter guards: every key's static ranges, every
     descriptor page, the heap (heap.c reserves each key's range now),
     the sealed gates' ledger, and every executable mapping of the
     process (so no code page can be moved, replaced or rewritten: the
     handler's own code and constants included);
   - makes the process non-dumpable (no core dump with other threads'
     registers; no process of the same user may ptrace it or open its
     /proc/PID files), which the filter then keeps;
   - installs opener.c's SIGSYS handler, which serves every open, and
     the filter of filter.c on every thread (TSYNC), with
     PR_SET_NO_NEW_PRIVS;
   - checks that the filter really answers: a filter installed earlier
     (before the runtime ran) can make our seccomp () return 0 without
     effect, so a probe system call must get from the filter answers
     drawn at random now, which no earlier program can know.

   Only hw mode can be hardened: every grant of the emulation is an
   mprotect of protected pages (init.c refuses harden=1 in other modes).
   README lists what this does not cover.  */

#include "harden.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_getrandom
# define SYS_getrandom 318
#endif
#ifndef PR_SET_NO_NEW_PRIVS
# define PR_SET_NO_NEW_PRIVS 38
#endif

static struct pkeyrt_guarded *guarded;
static size_t nguarded, guarded_alloc;

static void
add_guarded (uintptr_t start, uintptr_t end, int slot)
{
  guarded = pkeyrt_grow (guarded, &guarded_alloc, nguarded + 1,
			 sizeof *guarded, PKEYPLUG_EXIT_HARDEN, "harden=1");
  guarded[nguarded].start = start;
  guarded[nguarded].end = end;
  guarded[nguarded].slot = slot;
  nguarded++;
}

static int
compare_guarded (const void *pa, const void *pb)
{
  const struct pkeyrt_guarded *a = pa, *b = pb;

  return a->start < b->start ? -1 : a->start > b->start;
}

/* Every executable mapping there is now: the code the filter was built
   around (the helper's open instructions, the gates' WRPKRUs, the
   constants in code) stays where it is and as it is.  [vsyscall] lies
   above user space, where no call can reach.  */

static void
add_code (void)
{
  struct pkeyrt_mapping m;
  char *maps = pkeyrt_maps_read (), *cursor = maps;

  if (maps == NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: cannot read "
		  "/proc/self/maps: %s", strerror (errno));
  while (pkeyrt_maps_next (&cursor, &m))
    if (m.perms[2] == 'x' && strcmp (m.name, "[vsyscall]") != 0)
      add_guarded (m.start, m.end, -1);
  free (maps);
}

/* Everything the filter guards, sorted, neighbours merged: fewer ranges
   make a shorter filter.  Reservations stay apart, since the filter
   treats them on their own.  */

static void
collect_guarded (void)
{
  uint32_t i, j;
  size_t n;
  pkeyrt_lock_state lk;

  pkeyrt_lock (&lk);
  for (i = 0; i < pkeyrt_nkeys; i++)
    for (j = 0; j < pkeyrt_keys[i].nranges; j++)
      add_guarded (pkeyrt_keys[i].ranges[j].start,
		   pkeyrt_keys[i].ranges[j].end, -1);
  for (n = 0; n < pkeyrt_descriptor_count (); n++)
    add_guarded (pkeyrt_descriptor_page (n),
		 pkeyrt_descriptor_page (n) + PKEYPLUG_PAGE_SIZE, -1);
  /* What locking and restoring trust (defaults.c).  */
  add_guarded ((uintptr_t) pkeyrt_defaults_page (),
	       (uintptr_t) pkeyrt_defaults_page () + PKEYPLUG_PAGE_SIZE, -1);
  if (pkeyrt_sealed ())
    {
      uintptr_t config = (uintptr_t) &pkeyrt_seal_config;

      add_guarded (config, config + PKEYPLUG_PAGE_SIZE, -1);
      add_guarded (pkeyrt_seal_config.ledger,
		   pkeyrt_seal_config.ledger + pkeyrt_seal_ledger_size (), -1);
    }
  pkeyrt_unlock (&lk);
  pkeyrt_heap_ranges (add_guarded);
  add_code ();

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
}

/* 64 random bits no earlier program can predict: the kernel's, mixed
   with the time stamp counter (an earlier filter could fake getrandom,
   not RDTSC).  */

static uint64_t
random64 (void)
{
  uint64_t r = 0;
  uint32_t lo, hi;

  if (syscall (SYS_getrandom, &r, sizeof r, 0) != (long) sizeof r)
    r = 0;
  __asm__ __volatile__ ("rdtsc" : "=a" (lo), "=d" (hi));
  r ^= ((uint64_t) hi << 32 | lo) * 0x9e3779b97f4a7c15ull;
  return r;
}

static void
draw_probes (struct pkeyrt_probe *probes)
{
  int i;

  for (i = 0; i < PKEYRT_PROBE_COUNT; i++)
    {
      probes[i].cookie = random64 ();
      /* 1..4095: the kernel caps a filter's errno at 4095.  */
      probes[i].answer = (uint32_t) (random64 () % 4095) + 1;
    }
}

/* Does the filter in force answer each probe as ours would?  An earlier
   filter that let our seccomp () fail silently does not know the
   answers: one chance in 2^48 of guessing all four.  */

static void
self_test (const struct pkeyrt_probe *probes)
{
  int i;

  for (i = 0; i < PKEYRT_PROBE_COUNT; i++)
    {
      long r = pkeyrt_raw_syscall (PKEYRT_PROBE_NR, (long) probes[i].cookie,
				   0, 0, 0, 0, 0);

      if (r != -(long) probes[i].answer)
	pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: the seccomp filter "
		      "does not answer its self-test (probe %d got %ld): "
		      "another filter, installed earlier, keeps it out", i,
		      r);
    }
}

void
pkeyrt_harden_install (void)
{
  static struct pkeyrt_bpf prog;
  struct pkeyrt_filter_spec spec;
  struct sock_fprog fprog;

  if (!pkeyrt_config->opt.harden || pkeyrt_harden_active ())
    return;
  pkeyrt_heap_reserve ();
  collect_guarded ();
  memset (&spec, 0, sizeof spec);
  spec.guarded = guarded;
  spec.nguarded = nguarded;
  draw_probes (spec.probes);
  memset (&prog, 0, sizeof prog);
  pkeyrt_filter_build (&prog, &spec);

  /* Before the filter, which keeps it so.  */
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: cannot make the "
		  "process non-dumpable: %s", strerror (errno));
  pkeyrt_opener_install ();

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
  self_test (spec.probes);
  memset (&spec.probes, 0, sizeof spec.probes);
  pkeyrt_harden_mark_active ();
  if (pkeyrt_config->opt.verbose)
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
