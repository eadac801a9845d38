/* verify.c -- check that a protection really took.

   A system call filter installed before the runtime (seccomp returning
   SECCOMP_RET_ERRNO with data 0, or a supervisor answering for the
   kernel) can make mprotect and pkey_mprotect return 0 and do nothing:
   the secret would stay readable on key 0 while the runtime believes it
   locked.  No return value can show that; a fault can, since the CPU
   raises it and no filter sees it.  So after each protection the runtime
   makes one access that must fault, and stops the program
   (PKEYPLUG_EXIT_SETUP) if it does not, or faults for another reason:

   - locked (noaccess): a one-byte read must fault;
   - read-only (a readonly key's pages, a descriptor page): a write must
     fault.  The write is `lock orb $0', an atomic read-modify-write that
     writes back what it read: a probe that wrongly succeeds changes
     nothing, even with another thread writing the same byte.

   With a hardware key the fault must be SEGV_PKUERR naming that key
   (si_pkey), with the key's rights restricted in PKRU for the probe; a
   page that kept key 0 gives SEGV_ACCERR or no fault.  Otherwise (the
   emulation, descriptors) it must be SEGV_ACCERR.

   The probes are two instructions at known addresses.  The runtime's
   SIGSEGV handler (fault.c) asks probe_fault first (handed to it with
   pkeyrt_handler_claim); it recognises a kernel fault at one of them on
   the probed address, puts si_code and si_pkey in the probe's result
   register and resumes after the instruction.  During a probe every signal but SIGSEGV is blocked:
   a handler that ran in between could queue itself a SIGSEGV with a
   forged si_code for sigreturn to deliver right at the probe.  (A jump
   to a probe with a chosen address tells the caller whether the address
   can be read or written, which write (2) tells too.)

   A probe costs one fault, a signal delivery and a sigreturn, and three
   system calls around it.  */

#include "pkeyrt.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#ifndef SEGV_PKUERR
# define SEGV_PKUERR 4
#endif

/* RESULT = probe (ADDR, WRITE): 0 if the access went through, else
   si_code | si_pkey << 32 of its fault, as the handler leaves it in RAX.
   ADDR in RDI, WRITE in ESI.  */
extern uint64_t pkeyrt_probe_access (volatile void *addr, int write);
extern const char pkeyrt_probe_read_insn[], pkeyrt_probe_read_end[];
extern const char pkeyrt_probe_write_insn[], pkeyrt_probe_write_end[];

__asm__ ("\t.text\n"
	 "\t.p2align 4\n"
	 "\t.globl pkeyrt_probe_access\n"
	 "\t.hidden pkeyrt_probe_access\n"
	 "\t.type pkeyrt_probe_access, @function\n"
	 "pkeyrt_probe_access:\n"
	 "\txorl %eax, %eax\n"
	 "\ttestl %esi, %esi\n"
	 "\tjnz 1f\n"
	 "\t.globl pkeyrt_probe_read_insn\n"
	 "\t.hidden pkeyrt_probe_read_insn\n"
	 "pkeyrt_probe_read_insn:\n"
	 "\tmovb (%rdi), %cl\n"
	 "\t.globl pkeyrt_probe_read_end\n"
	 "\t.hidden pkeyrt_probe_read_end\n"
	 "pkeyrt_probe_read_end:\n"
	 "\tret\n"
	 "1:\n"
	 "\t.globl pkeyrt_probe_write_insn\n"
	 "\t.hidden pkeyrt_probe_write_insn\n"
	 "pkeyrt_probe_write_insn:\n"
	 "\tlock orb $0, (%rdi)\n"
	 "\t.globl pkeyrt_probe_write_end\n"
	 "\t.hidden pkeyrt_probe_write_end\n"
	 "pkeyrt_probe_write_end:\n"
	 "\tret\n"
	 "\t.size pkeyrt_probe_access, .-pkeyrt_probe_access\n");

/* The SIGSEGV handler's first question: is this fault one of our probes?
   If so, record it for the probe and return 1.  */

static int
probe_fault (const siginfo_t *info, void *ctx)
{
  ucontext_t *uc = ctx;
  greg_t *regs;
  uintptr_t pc;
  uint64_t result;

  if (info == NULL || uc == NULL || info->si_code <= 0)
    return 0;
  regs = uc->uc_mcontext.gregs;
  pc = (uintptr_t) regs[REG_RIP];
  if ((pc != (uintptr_t) pkeyrt_probe_read_insn
       && pc != (uintptr_t) pkeyrt_probe_write_insn)
      || (uintptr_t) info->si_addr != (uintptr_t) regs[REG_RDI])
    return 0;
  result = (uint32_t) info->si_code;
  if (info->si_code == SEGV_PKUERR)
    result |= (uint64_t) (uint32_t) info->si_pkey << 32;
  regs[REG_RAX] = (greg_t) result;
  regs[REG_RIP] = (greg_t) (pc == (uintptr_t) pkeyrt_probe_read_insn
			    ? pkeyrt_probe_read_end
			    : pkeyrt_probe_write_end);
  return 1;
}

/* Probe ADDR (a write if WRITE) with every signal but SIGSEGV blocked and
   the runtime's SIGSEGV handler in place.  */

static uint64_t
probe (uintptr_t addr, int write)
{
  sigset_t only_segv, old;
  uint64_t result;
  int claimed;

  sigfillset (&only_segv);
  sigdelset (&only_segv, SIGSEGV);
  pthread_sigmask (SIG_SETMASK, &only_segv, &old);
  claimed = pkeyrt_handler_claim (probe_fault);
  result = pkeyrt_probe_access ((volatile void *) addr, write);
  pkeyrt_handler_release (claimed);
  pthread_sigmask (SIG_SETMASK, &old, NULL);
  return result;
}

/* Check that an access to ADDR faults: a write if WRITE, else a read.
   HW_KEY > 0: the page carries that hardware key, and the fault must be
   its SEGV_PKUERR; HW_KEY 0: SEGV_ACCERR.  If it does not, stop the
   program with a message that begins with FMT (what was protected).  */

void
pkeyrt_verify (uintptr_t addr, int write, int hw_key, const char *fmt, ...)
{
  unsigned int shift = 2 * (unsigned int) hw_key;
  uint32_t saved = 0, restricted;
  uint64_t result;
  int code, pkey;
  char what[256], found[96], expected[48];
  va_list ap;

  if (hw_key > 0)
    {
      /* This thread may hold a grant of the key (a dlopen inside one):
	 restrict the key for the probe only.  */
      saved = pkeyrt_rdpkru ();
      restricted = saved | ((write ? PKEYRT_DISABLE_WRITE
			     : PKEYRT_DISABLE_ACCESS) << shift);
      if (restricted != saved)
	pkeyrt_wrpkru (restricted);
      result = probe (addr, write);
      if (restricted != saved)
	pkeyrt_wrpkru ((pkeyrt_rdpkru () & ~(3u << shift))
		       | (saved & (3u << shift)));
    }
  else
    result = probe (addr, write);

  code = (int) (uint32_t) result;
  pkey = (int) (result >> 32);
  if (hw_key > 0 ? code == SEGV_PKUERR && pkey == hw_key
      : code == SEGV_ACCERR)
    return;

  va_start (ap, fmt);
  vsnprintf (what, sizeof what, fmt, ap);
  va_end (ap);
  if (hw_key > 0)
    snprintf (expected, sizeof expected, "SEGV_PKUERR of hw key %d", hw_key);
  else
    snprintf (expected, sizeof expected, "SEGV_ACCERR");
  if (code == 0)
    snprintf (found, sizeof found, "went through");
  else if (code == SEGV_PKUERR)
    snprintf (found, sizeof found, "faulted with SEGV_PKUERR of hw key %d",
	      pkey);
  else
    snprintf (found, sizeof found, "faulted with %s",
	      code == SEGV_ACCERR ? "SEGV_ACCERR"
	      : code == SEGV_MAPERR ? "SEGV_MAPERR" : "another si_code");
  pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		"%s did not take: a %s at %p %s, expected %s (did a system "
		"call filter answer for the kernel?)", what,
		write ? "write" : "read", (void *) addr, found, expected);
}

/* Does the page at ADDR refuse writes (SEGV_ACCERR)?  */

int
pkeyrt_refuses_write (uintptr_t addr)
{
  return (int) (uint32_t) probe (addr, 1) == SEGV_ACCERR;
}

/* Check that RANGE of KEY, just protected, refuses what the key's policy
   refuses: reads for a noaccess key (or one whose policy is not known
   yet), writes for a readonly one.  In the emulation only while the key
   is locked: a grant another thread holds leaves the pages open, as it
   must.  WHAT (a printf format) names the range for the message.  */

void
pkeyrt_verify_range (const struct pkeyrt_key *key,
		     const struct pkeyrt_range *range, const char *fmt, ...)
{
  int write = key->policy == PKEYPLUG_POLICY_READONLY, hw_key = 0, prot;
  char what[192];
  va_list ap;

  switch (key->gate)
    {
    case PKEYPLUG_GATE_HW:
      hw_key = key->hw_key;
      break;
    case PKEYPLUG_GATE_EMULATE:
      prot = pkeyrt_emulate_range_prot (key->prot, range);
      if (prot & PROT_WRITE)
	return;
      write = (prot & PROT_READ) != 0;
      break;
    default:
      return;
    }
  va_start (ap, fmt);
  vsnprintf (what, sizeof what, fmt, ap);
  va_end (ap);
  pkeyrt_verify (range->start, write, hw_key, "%s", what);
}
