/* The granting unit of lto.exp: it passes the secret to record (), a
   function of helper.c, which copies it to a global.  */

#include <pkeyplug.h>

extern void record (const unsigned char *k);

unsigned char master_key[32] PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") void
backup (void)
{
  record (master_key);
}

int
main (void)
{
  backup ();
  return 0;
}
