/* gates=sealed does not support heap secrets yet (the runtime would have
   to open their keys itself): pkeyplug_malloc stops the program with a
   message and status 87 instead of leaving the block unprotected or
   trapping later in pkeyplug_free.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-options "-fplugin-arg-pkeyplug-gates=sealed" } */
/* { dg-exit-status 87 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 7;

PKEY_GRANT ("vault") __attribute__ ((noinline)) static int
get (void)
{
  return secret;
}

int
main (void)
{
  char *p;

  printf ("get %d\n", get ());
  fflush (stdout);
  p = pkeyplug_malloc ("notes", 16);
  printf ("allocated %p\n", (void *) p);
  return 0;
}
/* { dg-output "^get 7\n" } */
/* { dg-output "pkeyplug: pkeyplug_malloc with gates=sealed: heap secrets are not supported with sealed gates yet \[^\n\]*\n$" } */
