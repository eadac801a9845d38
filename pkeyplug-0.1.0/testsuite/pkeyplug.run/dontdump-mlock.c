/* Static protected pages are left out of core dumps (MADV_DONTDUMP: "dd"
   in /proc/self/smaps) always, and with PKEYPLUG_OPTIONS=mlock=1 locked in
   memory (smaps "Locked:" above 0).  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS mlock=1 } */

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

char secret[8192] PKEY_PROTECT ("vault") = "x";

int
main (void)
{
  uintptr_t a = (uintptr_t) secret;
  FILE *f = fopen ("/proc/self/smaps", "r");
  char line[512];
  int inside = 0, dontdump = 0;
  long locked = -1;
  while (f && fgets (line, sizeof line, f))
    {
      unsigned long lo, hi;
      char perms[8];
      /* A mapping's first line: "lo-hi perms ...".  */
      if (sscanf (line, "%lx-%lx %7s", &lo, &hi, perms) == 3)
	inside = a >= lo && a < hi;
      if (inside && strncmp (line, "Locked:", 7) == 0)
	sscanf (line + 7, "%ld", &locked);
      if (inside && strncmp (line, "VmFlags:", 8) == 0)
	dontdump = strstr (line, " dd") != NULL;
    }
  if (f)
    fclose (f);
  printf ("dontdump %d, locked %d\n", dontdump, locked > 0);
  return !(dontdump && locked > 0);
}
/* { dg-output "dontdump 1, locked 1" } */
