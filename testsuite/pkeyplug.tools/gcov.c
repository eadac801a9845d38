/* gcov: a program built with --coverage runs its grants correctly and
   writes its .gcda file (its counters are ordinary data, next to the
   protected object but not on its pages); a read outside every grant
   still ends in pkeyplug's report.  The file goes to a fresh directory
   under $TMPDIR (GCOV_PREFIX), since the source tree is read-only in the
   PKU virtual machine.  */
/* { dg-do run } */
/* { dg-options "--coverage -rdynamic" } */
/* { dg-exit-status 134 } */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pkeyplug.h>

extern void __gcov_dump (void);

static int counts[8] PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static int
count (int n)
{
  for (int i = 0; i < n; i++)
    counts[i % 8]++;
  return counts[0] + counts[7];
}

int __attribute__ ((noinline))
peek (int i)
{
  return ((volatile int *) counts)[i];
}

/* The size of the .gcda file in DIR (0 if none), and whether it starts
   with gcov's magic; the file is removed.  */
static long
gcda_in (const char *dir, int *magic)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  long size = 0;
  char path[4200];

  *magic = 0;
  while (d && (e = readdir (d)))
    if (strstr (e->d_name, ".gcda"))
      {
	struct stat st;
	FILE *f;
	unsigned char m[4] = { 0 };
	snprintf (path, sizeof path, "%s/%s", dir, e->d_name);
	if (stat (path, &st) == 0)
	  size = st.st_size;
	if ((f = fopen (path, "rb")))
	  {
	    *magic = fread (m, 1, 4, f) == 4 && memcmp (m, "adcg", 4) == 0;
	    fclose (f);
	  }
	unlink (path);
      }
  if (d)
    closedir (d);
  return size;
}

int
main (void)
{
  const char *tmp = getenv ("TMPDIR");
  char dir[4096];
  int magic;

  snprintf (dir, sizeof dir, "%s/pkeyplug-gcov-XXXXXX", tmp ? tmp : "/tmp");
  if (!mkdtemp (dir))
    return 1;
  setenv ("GCOV_PREFIX", dir, 1);
  setenv ("GCOV_PREFIX_STRIP", "100", 1);
  printf ("count %d\n", count (20));
  __gcov_dump ();
  long size = gcda_in (dir, &magic);
  rmdir (dir);
  printf ("gcda written %d, magic %d\n", size > 0, magic);
  fflush (stdout);
  printf ("peeked %d\n", peek (0));
  return 0;
}
/* { dg-output "count 5\n" } */
/* { dg-output "gcda written 1, magic 1\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'counts' at offset 0 \\(object of 32 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in peek\\+0x\[0-9a-f\]+ \\(\[^\n\]*gcov.exe\\+0x\[0-9a-f\]+\\)\n" } */
