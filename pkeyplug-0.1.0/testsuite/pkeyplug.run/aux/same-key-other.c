/* Second unit of same-key-units.c.  */
#include <pkeyplug.h>
int other_secret PKEY_PROTECT ("vault") = 10;
extern int secret PKEY_PROTECT ("vault");
PKEY_GRANT ("vault") int
read_other (void)
{
  return secret + other_secret;
}
