/* dump.h -- for the core dump tests: is the mapping that holds an
   address left out of core dumps (VmFlags "dd" in /proc/self/smaps)?  */

#ifndef DUMP_H
#define DUMP_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* 1 if the mapping holding P has "dd", 0 if not, -1 if none holds it.  */
static int
dontdump_of (const void *p)
{
  FILE *f = fopen ("/proc/self/smaps", "r");
  char line[512];
  unsigned long lo, hi;
  int in = 0, result = -1;

  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f))
    {
      if (sscanf (line, "%lx-%lx ", &lo, &hi) == 2 && strchr (line, '-')
	  && line[0] != 'V')
	in = (uintptr_t) p >= lo && (uintptr_t) p < hi;
      else if (in && strncmp (line, "VmFlags:", 8) == 0)
	{
	  result = strstr (line, " dd") != NULL;
	  in = 0;
	}
    }
  fclose (f);
  return result;
}

#endif /* DUMP_H */
