/* siglongjmp out of a signal handler that ran inside a grant: the
   sigsetjmp caller gets back the rights it had at sigsetjmp (in hw mode
   the handler ran with every key locked, and siglongjmp skips the
   sigreturn that would restore PKRU).  */
/* { dg-do run } */

#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 7;
static sigjmp_buf env;

static void
on_usr1 (int sig)
{
  (void) sig;
  siglongjmp (env, 1);
}

PKEY_GRANT ("vault") static int __attribute__ ((noinline))
granted (void)
{
  volatile int value = secret;
  if (sigsetjmp (env, 1) == 0)
    raise (SIGUSR1);
  /* Back from the handler by siglongjmp: the grant must still hold.  */
  return value + ((volatile int *) &secret)[0];
}

int
main (void)
{
  signal (SIGUSR1, on_usr1);
  printf ("value %d\n", granted ());
  return 0;
}
/* { dg-output "value 14" } */
