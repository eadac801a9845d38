/* A program whose protected section the link merges into .data
   (layout-check.exp renames it with objcopy before linking): the page of
   the secret then also holds NEIGHBOUR, ordinary data of another unit
   that the program writes outside any grant.  */

#include <stdio.h>
#include <pkeyplug.h>

extern int neighbour;

static int secret PKEY_PROTECT ("vault") = 42;

PKEY_GRANT ("vault") static int __attribute__ ((noinline))
reveal (void)
{
  return secret;
}

int
main (void)
{
  neighbour++;
  printf ("secret %d, neighbour %d\n", reveal (), neighbour);
  return 0;
}
