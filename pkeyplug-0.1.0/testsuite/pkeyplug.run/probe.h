/* probe.h -- for run tests: can this thread read or write an address now,
   without dying?  Installs its own SIGSEGV handler around one access and
   puts the runtime's back afterwards, so a later real violation is still
   reported.  Works in both modes: hw faults are SEGV_PKUERR, emulate ones
   SEGV_ACCERR.

   In hw mode the kernel runs a signal handler with its default PKRU (every
   key locked) and only sigreturn puts the interrupted value back; leaving
   the handler with siglongjmp skips that, so the probe saves PKRU before
   the access and writes it back after a fault.  */

#ifndef PROBE_H
#define PROBE_H

#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <pkeyplug.h>

static sigjmp_buf probe_jmp;

/* The si_code of the last fault a probe caught (SEGV_PKUERR = 4 for a
   protection key, SEGV_ACCERR = 2 for mprotect).  */
static int probe_last_code;

static void
probe_handler (int sig, siginfo_t *si, void *uc)
{
  (void) sig; (void) uc;
  probe_last_code = si->si_code;
  siglongjmp (probe_jmp, 1);
}

static unsigned int
probe_rdpkru (void)
{
  unsigned int eax, edx;
  __asm__ __volatile__ (".byte 0x0f,0x01,0xee" : "=a" (eax), "=d" (edx)
			: "c" (0) : "memory");
  return eax;
}

static void
probe_wrpkru (unsigned int pkru)
{
  /* Listed like the plugin's gates, so that test programs scan clean.  */
  __asm__ __volatile__ (".Lprobe_wrpkru%=:\t.byte 0x0f,0x01,0xef\n"
			"\t.pushsection pkeyplug_wrpkru,\"ao\",@progbits,"
			".Lprobe_wrpkru%=\n"
			"\t.balign 4\n\t.long .Lprobe_wrpkru%= - .\n"
			"\t.popsection"
			: : "a" (pkru), "c" (0), "d" (0) : "memory");
}

/* Return 1 if *P could be read (WRITE == 0) or written back unchanged
   (WRITE == 1) by the calling thread.  noinline and volatile so that the
   access really happens here, at run time.  */
static int __attribute__ ((noinline))
probe (volatile unsigned char *p, int write)
{
  struct sigaction sa, old;
  volatile int ok = 0;
  int hw = pkeyplug_mode () == PKEYPLUG_MODE_HW;
  unsigned int pkru = hw ? probe_rdpkru () : 0;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = probe_handler;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGSEGV, &sa, &old);
  if (sigsetjmp (probe_jmp, 1) == 0)
    {
      unsigned char v = *p;
      if (write)
	*p = v;
      ok = 1;
    }
  else if (hw)
    probe_wrpkru (pkru);
  sigaction (SIGSEGV, &old, NULL);
  return ok;
}

#define CAN_READ(obj) probe ((volatile unsigned char *) &(obj), 0)
#define CAN_WRITE(obj) probe ((volatile unsigned char *) &(obj), 1)

#endif
