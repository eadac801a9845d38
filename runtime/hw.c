/* hw.c -- the hardware side: is PKU usable, the pkey system calls, and
   the PKRU register.

   The system calls go through syscall () with their x86-64 numbers so the
   runtime does not depend on a glibc that has the pkey_* wrappers.
   RDPKRU and WRPKRU are written as bytes (no -mpku needed) and raise
   SIGILL on a machine without OSPKE: they are called only in hw mode, i.e.
   after pkeyrt_hw_probe succeeded.

   Under Valgrind the CPU the program sees is Valgrind's, which has no
   PKU: the probe then says so in those words, so that the mode line and
   the mode=hw refusal name Valgrind.  Finding Valgrind changes only the
   words, never the mode: that is still what CPUID and pkey_alloc say, so
   a program that fakes being under Valgrind gets no weaker protection.  */

#include "pkeyrt.h"
#include "pkeyplug-asm.h"

#include <cpuid.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_pkey_mprotect
# define SYS_pkey_mprotect 329
#endif
#ifndef SYS_pkey_alloc
# define SYS_pkey_alloc 330
#endif
#ifndef SYS_pkey_free
# define SYS_pkey_free 331
#endif

/* CPUID.(EAX=7,ECX=0):ECX bits.  */
#define CPUID_7_ECX_PKU (1u << 3)
#define CPUID_7_ECX_OSPKE (1u << 4)

/* Valgrind's client request "am I running under you?" (the request
   number of valgrind.h's RUNNING_ON_VALGRIND), for x86-64.  */
#define VALGRIND_REQ_RUNNING_ON_VALGRIND 0x1001

/* Return nonzero if the program runs on Valgrind's virtual CPU.  The
   client-request sequence is four rotations of RDI by 128 bits in all
   (RDI unchanged) and XCHG RBX,RBX: on a real CPU it does nothing and
   RDX keeps its 0; Valgrind recognises it and puts its answer in RDX,
   the number of Valgrinds the program runs under.  RAX points to the
   request and its five arguments.  Only code run by Valgrind can answer,
   unlike LD_PRELOAD or a vgpreload mapping, which a program can fake.  */

static int
under_valgrind (void)
{
  volatile unsigned long request[6]
    = { VALGRIND_REQ_RUNNING_ON_VALGRIND, 0, 0, 0, 0, 0 };
  unsigned long answer = 0;

  __asm__ __volatile__ ("rolq $3, %%rdi\n\t"
			"rolq $13, %%rdi\n\t"
			"rolq $61, %%rdi\n\t"
			"rolq $51, %%rdi\n\t"
			"xchgq %%rbx, %%rbx"
			: "+d" (answer)
			: "a" (request)
			: "cc", "memory");
  return answer != 0;
}

/* The hardware keys pkey_alloc gave us and we have not freed: bit K for
   key K.  */
static uint32_t held;

/* pkey_alloc for WHAT (a phrase, "key 'NAME'").  A system call filter
   can make it return 0 without the kernel allocating anything (seccomp
   SECCOMP_RET_ERRNO with data 0), or a supervisor can answer any number:
   a key we would then use is one every page has (0), one we use for
   something else already, or none at all.  The kernel never hands out
   those, so such an answer stops the program (PKEYPLUG_EXIT_SETUP).  */

int
pkeyrt_pkey_alloc (unsigned int flags, unsigned int rights, const char *what)
{
  long pkey = syscall (SYS_pkey_alloc, flags, rights);
  const char *why = NULL;

  if (pkey < 0)
    return -1;
  if (pkey == 0)
    why = "key 0, which every page has";
  else if (pkey > 15)
    why = "a key that does not exist";
  else if (__atomic_fetch_or (&held, 1u << pkey, __ATOMIC_RELAXED)
	   & (1u << pkey))
    why = "a key the runtime holds already";
  if (why != NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "pkey_alloc for %s returned %ld, %s "
		  "(did a system call filter answer for the kernel?)", what,
		  pkey, why);
  return (int) pkey;
}

int
pkeyrt_pkey_free (int pkey)
{
  int rc = (int) syscall (SYS_pkey_free, pkey);

  if (rc == 0 && pkey > 0 && pkey < 16)
    __atomic_fetch_and (&held, ~(1u << pkey), __ATOMIC_RELAXED);
  return rc;
}

int
pkeyrt_pkey_mprotect (void *addr, size_t len, int prot, int pkey)
{
  return (int) syscall (SYS_pkey_mprotect, addr, len, prot, pkey);
}

/* Return nonzero if PKU can be used: the CPU has it, the kernel enabled it
   (OSPKE), and pkey_alloc works.  Otherwise set *REASON to why not, as a
   phrase that completes "mode=hw requested but ..." and "no PKU: ...".
   A pkey_alloc that fails with ENOSPC says PKU works but other code holds
   every key: that is PKEYRT_HW_NO_FREE_KEY, for the key budget (overflow=)
   to decide, not a reason to fall back to the emulation behind the
   user's back.  */

int
pkeyrt_hw_probe (const char **reason)
{
  static char buf[128];
  unsigned int eax, ebx, ecx, edx;
  int pkey;

  if (!__get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx))
    {
      *reason = "the CPU has no CPUID leaf 7";
      return 0;
    }
  if (!(ecx & CPUID_7_ECX_PKU))
    {
      *reason = under_valgrind ()
		? "running under Valgrind, whose virtual CPU has no PKU "
		  "(CPUID.7.0:ECX.PKU = 0)"
		: "the CPU has no PKU, CPUID.7.0:ECX.PKU = 0";
      return 0;
    }
  if (!(ecx & CPUID_7_ECX_OSPKE))
    {
      *reason = "the kernel has not enabled PKU, CPUID.7.0:ECX.OSPKE = 0";
      return 0;
    }

  /* Ask for the most restrictive rights: pkey_free leaves this thread's
     PKRU bits as they are, and these match the kernel's default.  */
  pkey = pkeyrt_pkey_alloc (0, PKEYRT_DISABLE_ACCESS | PKEYRT_DISABLE_WRITE,
			    "the probe for PKU");
  if (pkey < 0 && errno == ENOSPC)
    {
      *reason = "no hardware key is free";
      return PKEYRT_HW_NO_FREE_KEY;
    }
  if (pkey < 0)
    {
      snprintf (buf, sizeof buf, "pkey_alloc fails: %s", strerror (errno));
      *reason = buf;
      return 0;
    }
  pkeyrt_pkey_free (pkey);
  *reason = NULL;
  return 1;
}

/* RDPKRU: ECX must be 0; PKRU comes back in EAX, EDX is cleared.  The
   "memory" clobber keeps it a compiler barrier like the gates.  */

uint32_t
pkeyrt_rdpkru (void)
{
  uint32_t eax, edx;

  __asm__ __volatile__ (PKEYPLUG_RDPKRU_BYTES
			: "=a" (eax), "=d" (edx)
			: "c" (0)
			: "memory");
  return eax;
}

/* Give the calling thread RIGHTS (PKEYRT_DISABLE_*) on hardware key PKEY,
   as pkey_alloc would have.  WRPKRU is skipped when nothing changes: it is
   the costly one.  */

void
pkeyrt_hw_set_rights (int pkey, unsigned int rights)
{
  unsigned int shift = 2 * (unsigned int) pkey;
  uint32_t old = pkeyrt_rdpkru ();
  uint32_t pkru = (old & ~(3u << shift)) | ((rights & 3u) << shift);

  if (pkru != old)
    pkeyrt_wrpkru (pkru);
}
