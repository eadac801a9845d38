/* probe.h -- for run tests: can this thread read or write an address now,
   without dying?  Installs its own SIGSEGV handler around one access and
   puts the runtime's back afterwards, so a later real violation is still
   reported.  Works in both modes: hw faults are SEGV_PKUERR, emulate ones
   SEGV_ACCERR.  */

#ifndef PROBE_H
#define PROBE_H

#include <setjmp.h>
#include <signal.h>
#include <string.h>

static sigjmp_buf probe_jmp;

static void
probe_handler (int sig, siginfo_t *si, void *uc)
{
  (void) sig; (void) si; (void) uc;
  siglongjmp (probe_jmp, 1);
}

/* Return 1 if *P could be read (WRITE == 0) or written back unchanged
   (WRITE == 1) by the calling thread.  noinline and volatile so that the
   access really happens here, at run time.  */
static int __attribute__ ((noinline))
probe (volatile unsigned char *p, int write)
{
  struct sigaction sa, old;
  volatile int ok = 0;
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
  sigaction (SIGSEGV, &old, NULL);
  return ok;
}

#define CAN_READ(obj) probe ((volatile unsigned char *) &(obj), 0)
#define CAN_WRITE(obj) probe ((volatile unsigned char *) &(obj), 1)

#endif
