/* The limit of the restore after a longjmp: it only closes keys, and
   opens again only those the setjmp caller grants by itself.  A helper
   without a grant of its own, called inside a grant, recovers from a
   signal with sigsetjmp/siglongjmp; the handler ran with every key
   locked (hw mode), so after the siglongjmp the helper, and the granting
   function it returns to, no longer reach the key, until a grant of the
   key that kept its gates opens it again (one the compiler elided, being
   called only from holders of the key, does not); after the granting
   function the key is locked as always.  (Emulate mode: a handler does not change the emulation's
   levels, and the key stays open for the rest of the grant.)  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 3;
static sigjmp_buf env;
static int helper_reads, caller_reads, nested_reads;

static void
on_usr1 (int sig)
{
  (void) sig;
  siglongjmp (env, 1);
}

static void __attribute__ ((noinline))
helper (void)
{
  if (sigsetjmp (env, 1) == 0)
    raise (SIGUSR1);
  helper_reads = CAN_READ (secret);
}

/* Not static: callable from elsewhere, it keeps its gates.  */
PKEY_GRANT ("vault") int __attribute__ ((noinline))
nested (void)
{
  return CAN_READ (secret);
}

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
granted (void)
{
  helper ();
  caller_reads = CAN_READ (secret);
  nested_reads = nested ();
}

int
main (void)
{
  signal (SIGUSR1, on_usr1);
  granted ();
  printf ("helper %d, its granting caller %d, a nested grant %d, after %d\n",
	  helper_reads, caller_reads, nested_reads, CAN_READ (secret));
  return 0;
}
/* { dg-output "helper 0, its granting caller 0, a nested grant 1, after 0\n" } */
