/* A heap block whose only pointer lives in a heap secret (a
   pkeyplug_malloc block) is not a leak either, in both modes: the
   runtime's hook scans every range of a key, its heap arenas included,
   for pointers to heap blocks before LeakSanitizer checks.  Only the
   real leak is reported.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address" } */
/* { dg-env ASAN_OPTIONS "" } */
/* { dg-env LSAN_OPTIONS "" } */
/* { dg-exit-status 1 } */

#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

static void **box PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static void
keep (void)
{
  box = pkeyplug_malloc ("vault", 64);
  box[0] = malloc (40);		/* Held only by the heap secret.  */
}

static void * volatile dropped;

int
main (void)
{
  keep ();
  dropped = malloc (24);
  dropped = NULL;			/* The real leak.  */
  printf ("kept\n");
  fflush (stdout);
  return 0;
}
/* { dg-output "kept\n" } */
/* { dg-output "\n=+\n==\[0-9\]+==ERROR: LeakSanitizer: detected memory leaks\n\n" } */
/* { dg-output "Direct leak of 24 byte\\(s\\) in 1 object\\(s\\) allocated from:\n" } */
/* { dg-output "(    #\[^\n\]*\n)+\n" } */
/* { dg-output "SUMMARY: AddressSanitizer: 24 byte\\(s\\) leaked in 1 allocation\\(s\\)\\.\n" } */
