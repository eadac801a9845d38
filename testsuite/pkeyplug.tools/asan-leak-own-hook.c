/* The limit of a program that defines LeakSanitizer's hook
   __lsan_is_turned_off itself (README, "Sanitizers and debuggers"): its
   definition replaces the runtime's, which is where the runtime tells the
   checker which blocks protected memory points to, so a block held only
   by a protected pointer is reported as a leak, in both modes.  The
   checker still never reads a protected page: the program ends with
   LeakSanitizer's report, not with a fault in its tracer.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address" } */
/* { dg-env ASAN_OPTIONS "" } */
/* { dg-env LSAN_OPTIONS "" } */
/* { dg-exit-status 1 } */

#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

int
__lsan_is_turned_off (void)
{
  return 0;
}

static char *held PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static void
keep (void)
{
  held = malloc (64);
}

int
main (void)
{
  keep ();
  printf ("kept\n");
  fflush (stdout);
  return 0;
}
/* { dg-output "kept\n" } */
/* { dg-output "\n=+\n==\[0-9\]+==ERROR: LeakSanitizer: detected memory leaks\n\n" } */
/* { dg-output "Direct leak of 64 byte\\(s\\) in 1 object\\(s\\) allocated from:\n" } */
