/* gates=sealed: an attacker who can jump anywhere with chosen registers
   jumps to every WRPKRU of the program's sealed gates with EAX = 0 (every
   key open) and every other register 0, outside any grant and inside a
   grant of vault: the check after each WRPKRU traps (SIGILL at its UD2),
   also with only vault opened right after a longjmp left a grant of
   vault (the ledger must not count it any more).  A forged exit (the
   exit gate entered from its start with a saved value of 0, i.e. every
   key open) traps where no grant is held and closes the key inside one:
   a corrupted saved value cannot leave the key open.  Where the gate
   code runs on, it returns through a pad of return addresses to
   `landing', which reports whether vault or other is open.  Each attempt
   runs in a child.  The gates' WRPKRU come from the program's
   pkeyplug_wrpkru list; a first WRPKRU (the ledger opened) follows
   ANDL EDX,EAX (21 d0), and an exit gate's has its RDPKRU 15 bytes
   before it (an entry gate keeps the value read in between).  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-options "-fplugin-arg-pkeyplug-gates=sealed" } */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 7;
int other PKEY_PROTECT ("other") = 9;

PKEY_GRANT ("vault") __attribute__ ((noinline)) void put (int v) { secret = v; }
PKEY_GRANT_READ ("vault") __attribute__ ((noinline)) int get (void) { return secret; }

extern const int32_t __start_pkeyplug_wrpkru[], __stop_pkeyplug_wrpkru[];

/* The attack: RSP on a pad of return addresses to `landing', RBP too (for
   `leave'), RAX = attack_eax, every other register attack_reg, then a jump
   to attack_target.  landing exits 50 if vault or other is open, else 51. */
const void *attack_target;
unsigned long attack_eax, attack_reg;
unsigned int open_mask;		/* AD bits of vault and other.  */
void *pad[64] __attribute__ ((aligned (16)));

void landing (void);
void attack (void);
__asm__ (".text\n"
	 "landing:\n\t"
	 "xorl %ecx, %ecx\n\t"
	 ".byte 0x0f,0x01,0xee\n\t"
	 "andl open_mask(%rip), %eax\n\t"
	 "cmpl open_mask(%rip), %eax\n\t"
	 "movl $51, %edi\n\t"
	 "je 1f\n\t"
	 "movl $50, %edi\n"
	 "1:\tmovl $231, %eax\n\t"
	 "syscall\n"
	 "attack:\n\t"
	 "leaq pad+256(%rip), %rsp\n\t"
	 "movq %rsp, %rbp\n\t"
	 "movq attack_reg(%rip), %rbx\n\t"
	 "movq %rbx, %rcx\n\t"
	 "movq %rbx, %rdx\n\t"
	 "movq %rbx, %rsi\n\t"
	 "movq %rbx, %rdi\n\t"
	 "movq %rbx, %r8\n\t"
	 "movq %rbx, %r9\n\t"
	 "movq %rbx, %r10\n\t"
	 "movq %rbx, %r11\n\t"
	 "movq %rbx, %r12\n\t"
	 "movq %rbx, %r13\n\t"
	 "movq %rbx, %r14\n\t"
	 "movq %rbx, %r15\n\t"
	 "movq attack_eax(%rip), %rax\n\t"
	 "xorl %ecx, %ecx\n\t"
	 "xorl %edx, %edx\n\t"
	 "jmp *attack_target(%rip)\n");

static void
on_sigill (int sig, siginfo_t *si, void *ctx)
{
  const unsigned char *at = si->si_addr;
  (void) sig; (void) ctx;
  _exit (at[0] == 0x0f && at[1] == 0x0b ? 42 : 43);
}

static jmp_buf env;
#define VAULT_OPENED (~0ul)

PKEY_GRANT ("vault") __attribute__ ((noinline)) void
attack_in_grant (void)
{
  secret++;
  attack ();
}

static const char *
outcome (int status)
{
  if (WIFEXITED (status))
    switch (WEXITSTATUS (status))
      {
      case 42: return "trapped at a ud2";
      case 43: return "SIGILL elsewhere";
      case 50: return "KEY OPEN";
      case 51: return "keys closed";
      default: return "exited";
      }
  return strsignal (WTERMSIG (status));
}

/* In a child: jump to TARGET with EAX and every register REG, from inside
   a grant of vault if IN_GRANT.  */
static const char *
jump (const void *target, unsigned long eax, unsigned long reg, int in_grant,
      int after_longjmp)
{
  int status;
  pid_t pid;
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      struct sigaction sa;
      int i;
      static char altstack[65536];
      stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
      sigaltstack (&ss, NULL);
      memset (&sa, 0, sizeof sa);
      sa.sa_sigaction = on_sigill;
      sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
      sigaction (SIGILL, &sa, NULL);
      alarm (20);
      for (i = 0; i < 64; i++)
	pad[i] = (void *) landing;
      attack_target = target;
      attack_eax = eax;
      attack_reg = reg;
      if (after_longjmp)
	{
	  /* A grant left by longjmp must not stay counted.  */
	  if (setjmp (env) == 0)
	    {
	      extern void leave_by_longjmp (void);
	      leave_by_longjmp ();
	    }
	}
      if (eax == VAULT_OPENED)
	{
	  unsigned int now, edx;
	  __asm__ __volatile__ (".byte 0x0f,0x01,0xee" : "=a" (now), "=d" (edx)
				: "c" (0));
	  attack_eax = now & ~(3u << (2 * pkeyplug_key_of ("vault")));
	}
      if (in_grant)
	attack_in_grant ();
      else
	attack ();
      _exit (0);
    }
  waitpid (pid, &status, 0);
  return outcome (status);
}

PKEY_GRANT ("vault") __attribute__ ((noinline)) void
leave_by_longjmp (void)
{
  secret++;
  longjmp (env, 1);
}

/* Tallies of one kind of attempt.  */
struct tally
{
  const char *what;
  int tried, trapped, closed, other;
};

static void
note (struct tally *t, const char *how)
{
  t->tried++;
  if (strcmp (how, "trapped at a ud2") == 0)
    t->trapped++;
  else if (strcmp (how, "keys closed") == 0)
    t->closed++;
  else
    {
      t->other++;
      printf ("%s: %s\n", t->what, how);
    }
}

static void
report (const struct tally *t)
{
  printf ("%s: %d of %d trapped, %d closed, %d other\n", t->what, t->trapped,
	  t->tried, t->closed, t->other);
}

int
main (void)
{
  int kv = pkeyplug_key_of ("vault"), ko = pkeyplug_key_of ("other");
  const int32_t *e;
  struct tally outside = { "every key, outside a grant" };
  struct tally inside = { "every key, inside a grant" };
  struct tally late = { "vault, after a longjmp out of a grant" };
  struct tally forged = { "forged exit, outside a grant" };
  struct tally forged_in = { "forged exit, inside a grant" };

  open_mask = (1u << (2 * kv)) | (1u << (2 * ko));
  put (get () + 1);
  for (e = __start_pkeyplug_wrpkru; e < __stop_pkeyplug_wrpkru; e++)
    {
      const unsigned char *w = (const unsigned char *) e + *e;
      int first = w[-4] == 0x21 && w[-3] == 0xd0;
      int exit_gate = first && w[-15] == 0x0f && w[-14] == 0x01
		      && w[-13] == 0xee;

      note (&outside, jump (w, 0, 0, 0, 0));
      note (&inside, jump (w, 0, 0, 1, 0));
      if (!first)
	note (&late, jump (w, VAULT_OPENED, 0, 0, 1));
      if (exit_gate)
	{
	  note (&forged, jump (w - 17, 0, 0, 0, 0));
	  note (&forged_in, jump (w - 17, 0, 0, 1, 0));
	}
    }
  report (&outside);
  report (&inside);
  report (&late);
  report (&forged);
  report (&forged_in);
  return 0;
}
/* 4 gates of 4 functions, but leave_by_longjmp has no exit gate.  */
/* { dg-output "^every key, outside a grant: 14 of 14 trapped, 0 closed, 0 other\n" } */
/* { dg-output "every key, inside a grant: 14 of 14 trapped, 0 closed, 0 other\n" } */
/* { dg-output "vault, after a longjmp out of a grant: 7 of 7 trapped, 0 closed, 0 other\n" } */
/* { dg-output "forged exit, outside a grant: 3 of 3 trapped, 0 closed, 0 other\n" } */
/* The read grant's exit finds no read grant to end (the grant held is
   read-write) and traps; the read-write ones close the key.  */
/* { dg-output "forged exit, inside a grant: 1 of 3 trapped, 2 closed, 0 other\n$" } */
