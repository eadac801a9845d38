/* The second unit of review.exp, compiled with taint=derived: key door
   (printed, passed through a pointer and returned), a heap block of key session written out, and a
   grant of vault whose derived value is returned.  */

#include <stdio.h>
#include <unistd.h>
#include <pkeyplug.h>

static int token PKEY_PROTECT ("door");
extern unsigned char master_key[32] PKEY_PROTECT ("vault");
extern void (*notify) (int);

PKEY_GRANT ("door") int
open_door (void)
{
  printf ("%d\n", token);
  notify (token);
  return token;
}

PKEY_GRANT ("session") void
dump_session (void)
{
  unsigned char *s = pkeyplug_malloc ("session", 16);
  write (1, s, 16);
}

PKEY_GRANT ("vault") int
checksum (void)
{
  return master_key[0] + master_key[1];
}
