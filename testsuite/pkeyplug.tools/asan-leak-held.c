/* LeakSanitizer under pkeyplug still finds real leaks, and a heap block
   whose only pointers live in protected memory is not one: the runtime
   hands the checker the blocks that protected memory points to (block
   starts only, never another word of the secret), since the checker
   itself must not read the protected pages.  Here one block is held by a
   protected pointer, one only through an interior pointer in a
   protected array, one by a block that only a protected pointer holds,
   and one is leaked: exactly the leaked one is reported.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address" } */
/* { dg-env ASAN_OPTIONS "" } */
/* { dg-env LSAN_OPTIONS "" } */
/* { dg-exit-status 1 } */

#include <stdio.h>
#include <stdlib.h>
#include <pkeyplug.h>

struct node
{
  struct node *next;
  char payload[56];
};

static struct node *held PKEY_PROTECT ("vault");
static char *inside[4] PKEY_PROTECT ("vault");
int neighbour = 7;

PKEY_GRANT ("vault") static void
keep (void)
{
  held = calloc (1, sizeof *held);
  held->next = calloc (1, sizeof *held);	/* Held only by HELD.  */
  inside[2] = (char *) malloc (200) + 100;	/* An interior pointer.  */
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
/* { dg-output "Direct leak of 24 byte\\(s\\) in 1 object\\(s\\) allocated from:\n" } */
/* { dg-output "(    #\[^\n\]*\n)+\n" } */
/* { dg-output "SUMMARY: AddressSanitizer: 24 byte\\(s\\) leaked in 1 allocation\\(s\\)\\.\n" } */
