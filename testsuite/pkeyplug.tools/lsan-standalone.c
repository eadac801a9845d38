/* -fsanitize=leak alone: LeakSanitizer's interceptors come before the C
   library's and work only once it has started, which it did after the
   runtime (started first of all): the runtime's first sigaction crashed
   every program at start-up ("REAL(sigaction_symname) == nullptr", then
   SIGSEGV).  The runtime now starts LeakSanitizer first.  The program
   runs, the scan at exit skips the protected pages, and the real leak is
   found.  The limit: this LeakSanitizer cannot say which words of
   protected memory point into its blocks (AddressSanitizer can), so a
   block that only protected memory holds is reported as a leak too.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=leak" } */
/* { dg-env LSAN_OPTIONS "" } */
/* { dg-exit-status 23 } */

#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

static char *held PKEY_PROTECT ("vault");
int neighbour = 7;

PKEY_GRANT ("vault") static void
keep (void)
{
  held = malloc (40);
}

static void * volatile dropped;

int
main (void)
{
  keep ();
  dropped = malloc (24);
  dropped = NULL;			/* The real leak.  */
  printf ("neighbour %d\n", neighbour);
  fflush (stdout);
  return 0;
}
/* { dg-output "neighbour 7\n" } */
/* { dg-output "\n=+\n==\[0-9\]+==ERROR: LeakSanitizer: detected memory leaks\n\n" } */
/* { dg-output "Direct leak of 40 byte\\(s\\) in 1 object\\(s\\) allocated from:\n" } */
/* { dg-output "(    #\[^\n\]*\n)+\n" } */
/* { dg-output "Direct leak of 24 byte\\(s\\) in 1 object\\(s\\) allocated from:\n" } */
/* { dg-output "(    #\[^\n\]*\n)+\n" } */
/* { dg-output "SUMMARY: LeakSanitizer: 64 byte\\(s\\) leaked in 2 allocation\\(s\\)\\.\n" } */
