/* AddressSanitizer with its default options, leak checking included,
   runs a program with a protected array next to an ordinary global:
   LeakSanitizer's scan of the writable segments at exit skips the
   protected pages (in emulate mode they are inaccessible, in hw mode the
   exiting thread has every key locked; reading them killed its tracer:
   "Tracer caught signal 11").  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address" } */
/* { dg-env ASAN_OPTIONS "" } */
/* { dg-env LSAN_OPTIONS "" } */

#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

static int secret[2048] PKEY_PROTECT ("vault");
int neighbour[4] = { 1, 2, 3, 4 };
int *kept;

PKEY_GRANT ("vault") static int
fill (void)
{
  int s = 0;
  for (int i = 0; i < 2048; i++)
    s += secret[i] = i;
  return s;
}

int
main (void)
{
  neighbour[1] = fill ();
  printf ("sum %d, neighbour %d\n", neighbour[1], neighbour[0]);
  /* An ordinary block that stays reachable is no leak either.  */
  kept = malloc (32);
  printf ("kept %d\n", kept != NULL);
  fflush (stdout);
  return 0;
}
/* { dg-output "sum 2096128, neighbour 1\n" } */
/* { dg-output "kept 1\n$" } */
