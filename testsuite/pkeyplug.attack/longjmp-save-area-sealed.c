/* longjmp-save-area.c and rights-restore-forged.c with sealed gates:
   the restore writes the saved PKRU value through the ledger's check,
   which lets through only what the thread's counted grants allow.  A
   save area rewritten to open every key, outside every grant, makes the
   check trap (SIGILL at its UD2); so does a forged buffer handed to
   __pkeyplug_rights_restore.  Each attack runs in a child of its own;
   the parent says how each child ended.  */
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
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

extern void __pkeyplug_rights_restore (const void *buf);

int secret PKEY_PROTECT ("vault") = 1;
static jmp_buf env;
static unsigned char *frame_top;

static int __attribute__ ((noinline))
rewrite_save_areas (unsigned int pkru)
{
  volatile unsigned int *p
    = (unsigned int *) ((uintptr_t) __builtin_frame_address (0) & ~3ul);
  int found = 0;

  for (; (unsigned char *) (p + 2) <= frame_top; p++)
    if (p[0] == PKEYPLUG_MODE_HW && p[1] == pkru)
      {
	p[1] = 0;
	found++;
      }
  return found;
}

static void __attribute__ ((noinline))
attack (unsigned int pkru)
{
  if (rewrite_save_areas (pkru) == 0)
    _exit (3);
  longjmp (env, 1);
}

static void
save_area (void)
{
  unsigned int pkru = probe_rdpkru ();

  frame_top = (unsigned char *) __builtin_frame_address (0) + 64;
  if (setjmp (env) == 0)
    attack (pkru);
  printf ("not trapped, vault %d\n", CAN_READ (secret));
}

static void
forged_restore (void)
{
  struct
  {
    unsigned int mode, pkru;
    unsigned char levels[64];
    unsigned int counts[32];
  } forged;

  memset (&forged, 0, sizeof forged);
  forged.mode = pkeyplug_mode ();
  memset (forged.counts, 0xff, sizeof forged.counts);
  __pkeyplug_rights_restore (&forged);
  printf ("not trapped, vault %d\n", CAN_READ (secret));
}

static void
run (const char *what, void (*fn) (void))
{
  int status;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      fn ();
      fflush (stdout);
      _exit (0);
    }
  waitpid (pid, &status, 0);
  if (WIFSIGNALED (status))
    printf ("%s: killed by signal %d\n", what, WTERMSIG (status));
  else
    printf ("%s: exit %d\n", what, WEXITSTATUS (status));
}

int
main (void)
{
  run ("rewritten save area", save_area);
  run ("forged restore", forged_restore);
  return 0;
}
/* { dg-output "^rewritten save area: killed by signal 4\n" } */
/* { dg-output "forged restore: killed by signal 4\n$" } */
