/* The first unit of review.exp: key vault, its object, a grant that
   copies the secret out directly and through a static helper, and passes
   it to a function the unit cannot see, and one that declassifies a copy
   before writing it out.  */

#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

unsigned char master_key[32] PKEY_PROTECT ("vault");
unsigned char log_buf[32];
extern void audit (const void *p);

static void
save (const unsigned char *k)
{
  memcpy (log_buf, k, 32);
}

PKEY_GRANT ("vault") void
backup (void)
{
  memcpy (log_buf, master_key, 32);
  save (master_key);
  audit (master_key);
}

PKEY_GRANT ("vault") void
show (void)
{
  unsigned char copy[32];
  memcpy (copy, master_key, 32);
  pkeyplug_declassify (copy);
  fwrite (copy, 1, 32, stdout);
}
