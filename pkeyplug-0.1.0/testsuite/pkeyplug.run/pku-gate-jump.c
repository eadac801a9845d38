/* An attacker who can jump anywhere with chosen registers jumps straight
   to the WRPKRU of a checked exit gate with an EAX that opens the gate's
   key for writing, and, at the read grant's gate, for reading: the check
   right after the WRPKRU traps (SIGILL at its UD2) before any other
   instruction runs.  (Read-only at the read-write grant's gate is what a
   read-write grant nested in a read grant restores: it passes, see the
   README.)  Each attempt runs in a child process.  The gates are found
   through the pkeyplug_wrpkru list of this program; an exit gate's WRPKRU
   is the one a UD2 follows within a few bytes, the read grant's the one
   followed by its TEST of the descriptor (85 05).  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 7;

PKEY_GRANT ("vault") __attribute__ ((noinline)) void
put (int v)
{
  secret = v;
}

PKEY_GRANT_READ ("vault") __attribute__ ((noinline)) int
get (void)
{
  return secret;
}

extern const int32_t __start_pkeyplug_wrpkru[], __stop_pkeyplug_wrpkru[];

static unsigned int
rdpkru (void)
{
  unsigned int eax, edx;
  __asm__ __volatile__ (".byte 0x0f,0x01,0xee" : "=a" (eax), "=d" (edx)
			: "c" (0));
  return eax;
}

/* Is the WRPKRU at P an exit gate's: a UD2 within the next 24 bytes?  */

static int
exit_gate_p (const unsigned char *p)
{
  int i;
  for (i = 3; i < 24; i++)
    if (p[i] == 0x0f && p[i + 1] == 0x0b)
      return 1;
  return 0;
}

static void
on_sigill (int sig, siginfo_t *si, void *ctx)
{
  (void) sig;
  (void) ctx;
  /* The trap must be the gate's UD2, not some other instruction.  */
  const unsigned char *at = si->si_addr;
  _exit (at[0] == 0x0f && at[1] == 0x0b ? 42 : 43);
}

/* In a child, jump to the WRPKRU at TARGET with EAX = PKRU; report how
   the child ended.  */

static const char *
jump (const unsigned char *target, unsigned int pkru)
{
  pid_t pid;
  int status;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      struct sigaction sa;
      memset (&sa, 0, sizeof sa);
      sa.sa_sigaction = on_sigill;
      sa.sa_flags = SA_SIGINFO;
      sigaction (SIGILL, &sa, NULL);
      __asm__ __volatile__ ("xorl %%ecx, %%ecx\n\txorl %%edx, %%edx\n\t"
			    "call *%1"
			    : : "a" (pkru), "r" (target)
			    : "rcx", "rdx", "memory");
      _exit (0);
    }
  waitpid (pid, &status, 0);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 42)
    return "trapped at the gate's ud2";
  if (WIFEXITED (status) && WEXITSTATUS (status) == 43)
    return "SIGILL elsewhere";
  if (WIFSIGNALED (status))
    return strsignal (WTERMSIG (status));
  return "ran on";
}

int
main (void)
{
  int key = pkeyplug_key_of ("vault");
  unsigned int shift = 2 * (unsigned int) key;
  unsigned int locked = rdpkru ();
  unsigned int open_rw = locked & ~(3u << shift);
  unsigned int open_ro = (locked & ~(3u << shift)) | (2u << shift);
  const int32_t *e;
  int gates = 0;
  const char *rw_rw = "not found", *read_rw = "not found";
  const char *read_ro = "not found";

  put (get () + 1);
  for (e = __start_pkeyplug_wrpkru; e < __stop_pkeyplug_wrpkru; e++)
    {
      const unsigned char *w = (const unsigned char *) e + *e;
      if (!exit_gate_p (w))
	continue;
      gates++;
      if (w[3] == 0x85 && w[4] == 0x05)
	{
	  read_rw = jump (w, open_rw);
	  read_ro = jump (w, open_ro);
	}
      else
	rw_rw = jump (w, open_rw);
    }
  printf ("rw grant's exit gate, key opened rw: %s\n", rw_rw);
  printf ("read grant's exit gate, key opened rw: %s\n", read_rw);
  printf ("read grant's exit gate, key opened ro: %s\n", read_ro);
  printf ("%d exit gates\n", gates);
  return 0;
}
/* { dg-output "^rw grant's exit gate, key opened rw: trapped at the gate's ud2\n" } */
/* { dg-output "read grant's exit gate, key opened rw: trapped at the gate's ud2\n" } */
/* { dg-output "read grant's exit gate, key opened ro: trapped at the gate's ud2\n" } */
/* { dg-output "2 exit gates\n$" } */
