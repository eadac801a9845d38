/* -Wno-attributes silences the flow warnings, like the plugin's other
   warnings.  */
/* { dg-do compile } */
/* { dg-options "-Wno-attributes" } */

#include <string.h>
#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault");
unsigned char log_buf[32];

PKEY_GRANT ("vault") int
leak (void)
{
  memcpy (log_buf, master_key, 32);	/* { dg-bogus "copied" } */
  return master_key[0];		/* { dg-bogus "returned" } */
}
