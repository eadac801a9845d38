/* lib.c -- a shared library with protected data of its own under key
   "vault" (shared with the program) and key "libonly".  */
#include <pkeyplug.h>

int lib_secret PKEY_PROTECT ("vault") = 100;
int lib_private PKEY_PROTECT ("libonly") = 7;
extern int prog_secret PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") int
lib_read_both (void)
{
  return lib_secret + prog_secret;
}

PKEY_GRANT ("libonly") int
lib_private_value (void)
{
  return lib_private;
}

int *
lib_secret_address (void)
{
  return &lib_secret;
}
