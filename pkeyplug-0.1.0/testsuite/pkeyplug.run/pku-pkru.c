/* Real PKU only: the PKRU bits of the key, read back inside and after
   gates: locked (AD|WD) outside, open (00) inside a read-write grant, WD
   alone inside a read grant, and locked again after each.  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");
static int shift;

static unsigned int
bits (void)
{
  return (probe_rdpkru () >> shift) & 3;
}

PKEY_GRANT_READ ("vault") static unsigned int
in_read (void)
{
  return bits ();
}

PKEY_GRANT ("vault") static unsigned int
in_write (unsigned int *nested_read)
{
  *nested_read = in_read ();	/* a read grant never takes rights away */
  return bits ();
}

int
main (void)
{
  shift = 2 * pkeyplug_key_of ("vault");
  unsigned int before = bits (), nested;
  unsigned int w = in_write (&nested);
  unsigned int mid = bits ();
  unsigned int r = in_read ();
  printf ("before %u write %u nested-read %u between %u read %u after %u\n",
	  before, w, nested, mid, r, bits ());
  return !(before == 3 && w == 0 && nested == 0 && mid == 3 && r == 2
	   && bits () == 3);
}
/* { dg-output "before 3 write 0 nested-read 0 between 3 read 2 after 3" } */
