/* opens.c -- what an open costs under harden=1, measured without PKU.

   harden=1 traps every open into a SIGSYS handler that makes it through
   a helper thread and checks the result in a forked process
   (runtime/opener.c).  The filter needs hw mode, but the helper's path
   runs anywhere: this program calls it directly (it links libpkeyrt.a,
   whose hidden functions a static link can reach), so what it measures
   is everything but the trap itself (one SIGSYS delivery and return,
   a few microseconds).  Rows, each the median of RUNS runs of N opens
   and closes of the same file:
     open              open and close, the baseline;
     helper            the same through the helper (a thread, a fork,
		       a descriptor passed back);
     helper, +SIZE     the same after touching SIZE MiB of anonymous
		       memory: the fork copies page tables, so the cost
		       grows with the process;
     fork alone        a bare fork, exit and wait, for comparison.

   Usage: opens [-r RUNS] [-n N] [-m SIZE] [FILE]   (default /etc/passwd)
   Build: gcc -O2 -I include bench/opens.c .libs/libpkeyrt.a -lpthread
	  -ldl   (make bench BENCH=opens does it).  */

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* runtime/opener.c, hidden in the shared library, reachable here.  */
extern long pkeyrt_opener_open (long nr, long dirfd, const char *path,
				unsigned long arg2, unsigned long arg3);

static int runs = 11;
static long n = 200;
static long mib = 256;
static const char *file = "/etc/passwd";

static double
now_us (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int
compare (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

enum how { PLAIN, HELPER, FORK };

/* Microseconds per operation, the median of RUNS runs.  */
static double
measure (enum how how)
{
  double t[64];
  int r;

  for (r = 0; r < runs; r++)
    {
      double start = now_us ();
      long i;

      for (i = 0; i < n; i++)
	{
	  long fd = 0;

	  switch (how)
	    {
	    case PLAIN:
	      fd = open (file, O_RDONLY | O_CLOEXEC);
	      break;
	    case HELPER:
	      fd = pkeyrt_opener_open (SYS_openat, AT_FDCWD, file,
				       O_RDONLY | O_CLOEXEC, 0);
	      break;
	    case FORK:
	      {
		pid_t pid = fork ();

		if (pid == 0)
		  _exit (0);
		waitpid (pid, NULL, 0);
		fd = -1;
	      }
	      break;
	    }
	  if (how != FORK && fd < 0)
	    {
	      fprintf (stderr, "opens: cannot open %s (%ld)\n", file, fd);
	      exit (1);
	    }
	  if (fd >= 0)
	    close ((int) fd);
	}
      t[r] = (now_us () - start) / n;
    }
  qsort (t, runs, sizeof t[0], compare);
  return t[runs / 2];
}

int
main (int argc, char **argv)
{
  double plain, helper, big, forked;
  char *mem;
  int c;

  while ((c = getopt (argc, argv, "r:n:m:")) != -1)
    switch (c)
      {
      case 'r':
	runs = atoi (optarg);
	break;
      case 'n':
	n = atol (optarg);
	break;
      case 'm':
	mib = atol (optarg);
	break;
      default:
	fprintf (stderr, "usage: opens [-r RUNS] [-n N] [-m MiB] [FILE]\n");
	return 2;
      }
  if (optind < argc)
    file = argv[optind];
  if (runs < 1 || runs > 64 || n < 1)
    {
      fprintf (stderr, "opens: RUNS is 1..64, N at least 1\n");
      return 2;
    }
  plain = measure (PLAIN);
  helper = measure (HELPER);
  forked = measure (FORK);
  mem = mmap (NULL, mib << 20, PROT_READ | PROT_WRITE,
	      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED)
    return 1;
  memset (mem, 1, mib << 20);
  big = measure (HELPER);
  printf ("opens of %s, median of %d runs of %ld (us per open and close)\n",
	  file, runs, n);
  printf ("  open                 %10.2f\n", plain);
  printf ("  helper               %10.2f  (%.0fx)\n", helper,
	  helper / plain);
  printf ("  helper, +%ld MiB     %10.2f  (%.0fx)\n", mib, big, big / plain);
  printf ("  fork alone           %10.2f\n", forked);
  return 0;
}
