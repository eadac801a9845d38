/* Real PKU only: a locked read raises SIGSEGV with si_code SEGV_PKUERR and
   si_pkey equal to the key the runtime reports for the name.  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static void
on_segv (int sig, siginfo_t *si, void *uc)
{
  (void) sig; (void) uc;
  printf ("si_code %d, si_pkey %d, runtime key %d\n", si->si_code,
	  (int) si->si_pkey, pkeyplug_key_of ("vault"));
  fflush (stdout);
  _exit (si->si_code == 4 && (int) si->si_pkey == pkeyplug_key_of ("vault")
	 ? 0 : 1);
}

int
main (void)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction (SIGSEGV, &sa, NULL);
  return ((volatile int *) &secret)[0];
}
/* { dg-output "si_code 4, si_pkey (\[1-9\]|1\[0-5\]), runtime key \\1" } */
