/* step.c -- report=continue-in-emulate: let one access to an emulated key
   through after its report, and lock the pages again right after it.

   Like a sanitizer's halt_on_error=0, the program goes on after a
   violation.  The violation report (report.c, asked by the SIGSEGV
   handler in fault.c) reports the violation, then
   pkeyrt_step_past opens the faulting page and sets the trap flag in the
   interrupted context: the faulting instruction runs again, now with
   access, and the CPU raises SIGTRAP right after it.  The SIGTRAP handler
   gives the page its protection back and clears the flag.  A string
   instruction (rep movs...) traps after each iteration at the same
   address: the pages stay open until it is done.  A second page the same
   instruction touches faults in turn and joins the open ones.

   From the fault to the trap the thread holds pkeyrt_lock (so no grant
   changes the key's protection under us) and runs the instruction with
   every signal blocked but the synchronous ones; the SIGTRAP handler puts
   the interrupted signal mask back.  While the page is open, other
   threads may reach it too: the emulation is process-wide anyway.

   Only emulated keys continue: a hardware key cannot be opened for one
   instruction of another thread's context without editing the saved
   PKRU, so in a hw process their violations still end the process (the
   runtime says so at start-up).  A write to an object in a read-only
   section, or a fault on a heap guard page, cannot continue either.  */

#include "pkeyrt.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

/* EFLAGS.TF: trap after the next instruction.  */
#define EFLAGS_TF 0x100

/* Signal SIG's bit in a kernel signal mask.  */
#define SIGBIT(sig) ((uint64_t) 1 << ((sig) - 1))

/* Pages one instruction may keep open at once.  */
#define STEP_PAGES 8

struct step
{
  int active;			/* Between the fault and the trap.  */
  uintptr_t pc;			/* The instruction let through.  */
  int tf_was_set;		/* Someone else traces it too.  */
  uint64_t mask;		/* The interrupted code's signal mask.  */
  uint32_t npages;
  uintptr_t pages[STEP_PAGES];
  int prot[STEP_PAGES];		/* The protection to give back.  */
};

static __thread struct step step
  __attribute__ ((tls_model ("initial-exec")));

/* The signal mask in a context the kernel saved is its own 64-bit one,
   not glibc's 1024-bit sigset_t: the frame's siginfo follows it, so only
   its first 8 bytes may be read or written.  */

static uint64_t
get_mask (const ucontext_t *uc)
{
  uint64_t m;

  memcpy (&m, &uc->uc_sigmask, sizeof m);
  return m;
}

static void
set_mask (ucontext_t *uc, uint64_t m)
{
  memcpy (&uc->uc_sigmask, &m, sizeof m);
}

/* The SIGTRAP action in force before ours.  */
static struct sigaction previous;

int
pkeyrt_step_active (void)
{
  return step.active;
}

/* The range of key SLOT that holds PAGE, or NULL.  Called with pkeyrt_lock
   held.  */

static const struct pkeyrt_range *
find_range (uint32_t slot, uintptr_t page)
{
  const struct pkeyrt_key *key = &pkeyrt_keys[slot];
  uint32_t i;

  for (i = 0; i < key->nranges; i++)
    if (page >= key->ranges[i].start && page < key->ranges[i].end)
      return &key->ranges[i];
  return NULL;
}

/* Give every open page its protection back.  */

static void
close_pages (void)
{
  uint32_t i;

  for (i = 0; i < step.npages; i++)
    mprotect ((void *) step.pages[i], PKEYPLUG_PAGE_SIZE, step.prot[i]);
  step.npages = 0;
}

/* From the SIGSEGV handler: the access of context CTX (a write if
   IS_WRITE) to ADDR, in the pages of emulated key SLOT, was reported.
   Open its page and arrange the trap after the instruction; return 1.
   Return 0 if it cannot go on: the caller ends the process.  */

int
pkeyrt_step_past (uint32_t slot, uintptr_t addr, int is_write, void *ctx)
{
  ucontext_t *uc = ctx;
  uintptr_t page = PKEYRT_PAGE_FLOOR (addr);
  uintptr_t pc = (uintptr_t) uc->uc_mcontext.gregs[REG_RIP];
  const struct pkeyrt_range *range;
  sigset_t all;
  uint64_t run;
  uint32_t i;
  int prot;

  if (!step.active)
    {
      /* Every signal blocked while we hold the lock, here and for the
	 instruction, but the ones the instruction itself may raise.  */
      sigfillset (&all);
      pthread_sigmask (SIG_BLOCK, &all, NULL);
      pkeyrt_lock_raw ();
      step.active = 1;
      step.pc = pc;
      step.tf_was_set = (uc->uc_mcontext.gregs[REG_EFL] & EFLAGS_TF) != 0;
      step.mask = get_mask (uc);
      step.npages = 0;
      run = ~(uint64_t) 0;
      run &= ~(SIGBIT (SIGTRAP) | SIGBIT (SIGSEGV) | SIGBIT (SIGBUS)
	       | SIGBIT (SIGILL) | SIGBIT (SIGFPE));
      set_mask (uc, run);
    }
  else if (pc != step.pc)
    return 0;

  for (i = 0; i < step.npages; i++)
    if (step.pages[i] == page)
      return 0;			/* Open, and it still faults.  */
  range = find_range (slot, page);
  if (range == NULL || (is_write && range->is_const))
    return 0;
  if (step.npages == STEP_PAGES)
    close_pages ();		/* A long string instruction: it has moved
				   on from the pages it opened first.  */
  prot = pkeyrt_emulate_range_prot (pkeyrt_keys[slot].prot, range);
  if (mprotect ((void *) page, PKEYPLUG_PAGE_SIZE,
		range->is_const ? PROT_READ : PROT_READ | PROT_WRITE) != 0)
    return 0;
  step.pages[step.npages] = page;
  step.prot[step.npages] = prot;
  step.npages++;
  uc->uc_mcontext.gregs[REG_EFL] |= EFLAGS_TF;
  return 1;
}

/* Not our trap: to the previous action, or the default one.  */

static void
chain (int sig, siginfo_t *info, void *ctx)
{
  if (previous.sa_handler == SIG_DFL || previous.sa_handler == SIG_IGN)
    {
      struct sigaction dfl;

      memset (&dfl, 0, sizeof dfl);
      dfl.sa_handler = SIG_DFL;
      sigemptyset (&dfl.sa_mask);
      sigaction (sig, &dfl, NULL);
      raise (sig);
    }
  else if (previous.sa_flags & SA_SIGINFO)
    previous.sa_sigaction (sig, info, ctx);
  else
    previous.sa_handler (sig);
}

static void
trap_handler (int sig, siginfo_t *info, void *ctx)
{
  ucontext_t *uc = ctx;

  if (!step.active || uc == NULL)
    {
      chain (sig, info, ctx);
      return;
    }
  /* A string instruction with iterations to go.  */
  if ((uintptr_t) uc->uc_mcontext.gregs[REG_RIP] == step.pc)
    return;
  close_pages ();
  if (!step.tf_was_set)
    uc->uc_mcontext.gregs[REG_EFL] &= ~(greg_t) EFLAGS_TF;
  set_mask (uc, step.mask);
  step.active = 0;
  pkeyrt_unlock_raw ();
  if (step.tf_was_set)
    chain (sig, info, ctx);
}

/* Install the SIGTRAP handler (report=continue-in-emulate only).  */

void
pkeyrt_step_start (void)
{
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = trap_handler;
  sigfillset (&sa.sa_mask);
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  if (sigaction (SIGTRAP, &sa, &previous) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "cannot install the SIGTRAP "
		  "handler: %s", strerror (errno));
}
