/* main.c -- a program with a secret that a library's constructor (peek.c
   or dlmod.c) tries to read before main.  */
#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int
main (void)
{
  printf ("main: the secret is %d\n", get ());
  return 0;
}
