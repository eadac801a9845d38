/* indirectlib.c -- a library that brings libpkeyrt into a program that
   does not link it itself (indirectmain.c): a secret and its grant.  */
#include <pkeyplug.h>

int indirect_secret PKEY_PROTECT ("indirect") = 5;

PKEY_GRANT ("indirect") int
indirect_value (void)
{
  return indirect_secret;
}

int *
indirect_address (void)
{
  return &indirect_secret;
}
