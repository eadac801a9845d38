/* A library with a protected key and a grant: its gates are listed, so
   it scans clean.  */

#include <pkeyplug.h>

static int secret PKEY_PROTECT ("libkey") = 41;

PKEY_GRANT ("libkey") int
lib_value (void)
{
  return secret + 1;
}
