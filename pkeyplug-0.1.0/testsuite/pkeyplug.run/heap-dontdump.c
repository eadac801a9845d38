/* Arena pages are left out of core dumps (MADV_DONTDUMP) and locked in
   memory (mlock) when RLIMIT_MEMLOCK leaves room, and each arena has an
   inaccessible mapping on either side: as /proc/self/smaps shows it.  */
/* { dg-do run } */

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <pkeyplug.h>

/* Find the mapping holding P in /proc/self/smaps; set PERMS and FLAGS to
   its permissions and VmFlags, and BEFORE/AFTER to those of the mappings
   that touch it (empty if none).  */
static int
mapping_of (const void *p, char perms[8], char flags[256], char before[8],
	    char after[8])
{
  FILE *f = fopen ("/proc/self/smaps", "r");
  char line[512], prev_perms[8] = "", cur_perms[8] = "";
  unsigned long lo, hi, prev_hi = 0, found_lo = 0, found_hi = 0;
  int in = 0, found = 0;

  if (f == NULL)
    return 0;
  before[0] = after[0] = flags[0] = 0;
  while (fgets (line, sizeof line, f))
    {
      if (sscanf (line, "%lx-%lx %7s", &lo, &hi, cur_perms) == 3)
	{
	  if (found && !after[0] && lo == found_hi)
	    strcpy (after, cur_perms);
	  in = (uintptr_t) p >= lo && (uintptr_t) p < hi;
	  if (in)
	    {
	      found = 1;
	      found_lo = lo;
	      found_hi = hi;
	      strcpy (perms, cur_perms);
	      if (prev_hi == found_lo)
		strcpy (before, prev_perms);
	    }
	  prev_hi = hi;
	  strcpy (prev_perms, cur_perms);
	}
      else if (in && strncmp (line, "VmFlags:", 8) == 0)
	snprintf (flags, 256, "%s", line + 8);
    }
  fclose (f);
  return found;
}

/* Inside a grant, so that the arena's pages differ from its guards even
   in emulate mode.  */
PKEY_GRANT ("vault") static int
check (const char *what, const void *p, int want_locked)
{
  char perms[8], flags[256], before[8], after[8];

  if (!mapping_of (p, perms, flags, before, after))
    {
      printf ("%s: no mapping\n", what);
      return 1;
    }
  int dd = strstr (flags, " dd") != NULL;
  int lo = strstr (flags, " lo") != NULL;
  int guarded = strncmp (before, "---p", 4) == 0
		&& strncmp (after, "---p", 4) == 0;
  printf ("%s: dontdump %d, guarded %d, locked %d\n", what, dd, guarded,
	  lo || !want_locked);
  return !(dd && guarded && (lo || !want_locked));
}

int
main (void)
{
  struct rlimit rl;
  /* mlock is best effort: expect it only where the limit leaves room.  */
  int want_locked = getrlimit (RLIMIT_MEMLOCK, &rl) == 0
		    && rl.rlim_cur >= (1 << 20);
  void *small = pkeyplug_malloc ("vault", 64);
  void *big = pkeyplug_malloc ("vault", 100000);
  int bad = check ("small", small, want_locked) + check ("big", big,
							want_locked);
  pkeyplug_free (small);
  pkeyplug_free (big);
  return bad;
}
/* { dg-output "small: dontdump 1, guarded 1, locked 1\n" } */
/* { dg-output "big: dontdump 1, guarded 1, locked 1\n" } */
