/* harden=1: the SIGSYS handler is a function an attacker can find
   (sigaction (SIGSYS, NULL, &old)) and call with a siginfo and a
   ucontext of its own making.  Whatever registers it is given, it only
   serves the open family, and only hands back descriptors it checked:
   /proc/self/mem is refused for reading and writing, any other system
   call gets ENOSYS, a siginfo that is not from seccomp changes nothing,
   and a path in protected memory is EFAULT (the helper runs with the
   caller's PKRU).  An ordinary file still opens.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include "reach.h"

#define UNTOUCHED 0x5a5a5a5aL

static struct sigaction handler;

/* Call the handler as if system call NR had been trapped with arguments
   A, B, C, D; return what it left in RAX.  */
static long
forge (int code, long nr, long a, long b, long c, long d)
{
  siginfo_t si;
  ucontext_t uc;
  greg_t *r = uc.uc_mcontext.gregs;

  memset (&si, 0, sizeof si);
  memset (&uc, 0, sizeof uc);
  si.si_signo = SIGSYS;
  si.si_code = code;
  si.si_syscall = (int) nr;
  r[REG_RAX] = UNTOUCHED;
  r[REG_RDI] = a;
  r[REG_RSI] = b;
  r[REG_RDX] = c;
  r[REG_R10] = d;
  handler.sa_sigaction (SIGSYS, &si, &uc);
  return r[REG_RAX];
}

/* The handler's result as a system call's: -errno becomes -1.  */
static long
as_call (long r)
{
  if (r < 0 && r > -4096)
    {
      errno = (int) -r;
      return -1;
    }
  return r;
}

int
main (void)
{
  say ("find the handler", sigaction (SIGSYS, NULL, &handler));
  printf ("it takes siginfo %d\n", (handler.sa_flags & SA_SIGINFO) != 0);
  try_open ("forged openat mem read-write",
	    as_call (forge (1, SYS_openat, AT_FDCWD, (long) "/proc/self/mem",
			    O_RDWR, 0)));
  try_open ("forged open mem read-only",
	    as_call (forge (1, SYS_open, (long) "/proc/self/mem", O_RDONLY, 0,
			    0)));
  say ("forged getpid", as_call (forge (1, SYS_getpid, 0, 0, 0, 0)));
  say ("forged mprotect", as_call (forge (1, SYS_mprotect,
					  (long) secret & ~4095L, 4096,
					  PROT_READ | PROT_WRITE, 0)));
  printf ("forged SI_USER: %s\n",
	  forge (SI_USER, SYS_openat, AT_FDCWD, (long) "/proc/self/mem",
		 O_RDWR, 0) == UNTOUCHED ? "untouched" : "served");
  try_open ("forged open of a protected path",
	    as_call (forge (1, SYS_open, (long) secret, O_RDONLY, 0, 0)));
  {
    long fd = as_call (forge (1, SYS_openat, AT_FDCWD, (long) "/dev/null",
			      O_RDONLY, 0));

    say ("forged open /dev/null", fd);
    close ((int) fd);
  }
  return verdict ();
}
/* { dg-output "find the handler: ok\n" } */
/* { dg-output "it takes siginfo 1\n" } */
/* { dg-output "forged openat mem read-write: EPERM \[^\n\]*\n" } */
/* { dg-output "forged open mem read-only: EPERM \[^\n\]*\n" } */
/* { dg-output "forged getpid: ENOSYS \[^\n\]*\n" } */
/* { dg-output "forged mprotect: ENOSYS \[^\n\]*\n" } */
/* { dg-output "forged SI_USER: untouched\n" } */
/* { dg-output "forged open of a protected path: EFAULT \[^\n\]*\n" } */
/* { dg-output "forged open /dev/null: ok\n" } */
/* { dg-output "locked 1, intact 1\n" } */
