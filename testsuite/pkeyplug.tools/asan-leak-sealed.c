/* The limit of LeakSanitizer under sealed gates (README, "Sanitizers and
   debuggers"): the runtime may not open a hardware key for itself, so it
   cannot tell the checker which blocks a key's memory points to, and a
   block held only by a protected pointer is reported as a leak.  With
   checked gates the same program reports nothing (asan-leak-held.c).  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-options "-fsanitize=address -fplugin-arg-pkeyplug-gates=sealed" } */
/* { dg-env ASAN_OPTIONS "" } */
/* { dg-env LSAN_OPTIONS "" } */
/* { dg-exit-status 1 } */

#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

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
  printf ("mode %s\n", pkeyplug_mode_name (pkeyplug_mode ()));
  fflush (stdout);
  return 0;
}
/* { dg-output "mode hw\n" } */
/* { dg-output "\n=+\n==\[0-9\]+==ERROR: LeakSanitizer: detected memory leaks\n\n" } */
/* { dg-output "Direct leak of 64 byte\\(s\\) in 1 object\\(s\\) allocated from:\n" } */
