/* 32-bit system calls past an x86-64 filter (PKU Pitfalls): int 0x80
   from a 64-bit process enters the kernel's 32-bit system call path,
   with other numbers (125 is mprotect there) that rules written for
   x86-64 would not recognise.  harden=1's filter checks the audit
   architecture first and kills the process (SIGSYS) before the call
   runs.  Each attempt runs in a child, whose call would print a line.
   sysenter in 64-bit mode is an invalid instruction on AMD processors
   and on the test machine (SIGILL); on Intel it takes the same 32-bit
   path, and the same check (SIGSYS).  x32 calls: harden-x32.c.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

/* 32-bit write (4) of the text at MSG, below 4 GiB, to stdout.  */
static void
run (const char *what, int sysenter, const char *msg)
{
  int status;
  long r;

  fflush (stdout);
  if (fork () == 0)
    {
      /* The 32-bit path reads the sixth argument at the stack pointer,
	 taken as 32 bits: a stack below 4 GiB (the end of MSG's page).
	 Nothing comes back from it: the kernel returns to the 32-bit
	 vDSO, which a 64-bit process does not have.  */
      if (sysenter)
	__asm__ __volatile__ ("movq %5, %%rsp\n\tsysenter"
			      : "=a" (r)
			      : "a" (4), "b" (1), "c" (msg), "d" (strlen (msg)),
				"r" (msg + 4096 - 64)
			      : "memory", "cc");
      else
	__asm__ __volatile__ ("int $0x80"
			      : "=a" (r)
			      : "a" (4), "b" (1), "c" (msg), "d" (strlen (msg))
			      : "memory");
      printf ("%s returned %ld\n", what, r);
      fflush (stdout);
      _exit (0);
    }
  wait (&status);
  if (WIFSIGNALED (status))
    printf ("%s: killed by signal %d\n", what, WTERMSIG (status));
  else
    printf ("%s: exit %d\n", what, WEXITSTATUS (status));
}

int
main (void)
{
  char *msg = mmap (NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);

  if (msg == MAP_FAILED)
    return 1;
  strcpy (msg, "the 32-bit write happened\n");
  run ("int 0x80", 0, msg);
  run ("sysenter", 1, msg);
  return 0;
}
/* { dg-output "^int 0x80: killed by signal 31\n" } */
/* { dg-output "sysenter: killed by signal (4|31)\n$" } */
