/* threads.c -- what emulated grants cost when several threads take them.

   In emulate mode a key's pages are process-wide: the first thread to
   open a key calls mprotect, the last to close it calls it again, and
   every change takes the runtime's lock.  And each mprotect that changes
   a page other threads may have in their TLB makes the kernel interrupt
   the CPUs running them (a TLB shootdown).  So the cost of a grant
   depends on how many threads take grants at once, and on whether they
   share a key.

   For 1, 2 and 4 threads, three rows, each thread in a loop:
     one key     calls bench_granted (key "bench", bench/gatefns.c): the
		 threads share the key, so a thread often finds it open
		 already (no mprotect) but always takes the lock;
     own keys    calls a granting function of a key of its own ("t0" to
		 "t3", below): every grant opens and closes pages;
     mprotect    a pair of mprotect calls with a read in between on a
		 page of its own, no runtime involved: the floor, and what
		 a shootdown adds to it as threads are added.
   All threads start together (a barrier) and time their own loop; each
   row is measured RUNS times (rows and thread counts interleaved) and
   the table shows the medians of: the time per call seen by one thread
   (the mean over the threads), and the calls per second of all threads
   together (calls over the longest thread's time).

   Usage: threads [-r RUNS] [-n ITERS-PER-THREAD]
   Compile with the plugin, link with gatefns.o and -lpkeyrt -lpthread.  */

#define _GNU_SOURCE
#include <pkeyplug.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "gatefns.h"
#include "median.h"

#define MAX_THREADS 4

static int runs = 5;
static long iters = 5000;

/* One secret per key of the "own keys" row.  */
static int secret0 PKEY_PROTECT ("t0");
static int secret1 PKEY_PROTECT ("t1");
static int secret2 PKEY_PROTECT ("t2");
static int secret3 PKEY_PROTECT ("t3");

PKEY_GRANT ("t0") static int __attribute__ ((noinline))
granted0 (int x)
{
  return secret0 + x;
}

PKEY_GRANT ("t1") static int __attribute__ ((noinline))
granted1 (int x)
{
  return secret1 + x;
}

PKEY_GRANT ("t2") static int __attribute__ ((noinline))
granted2 (int x)
{
  return secret2 + x;
}

PKEY_GRANT ("t3") static int __attribute__ ((noinline))
granted3 (int x)
{
  return secret3 + x;
}

static int (*const own_key_fn[MAX_THREADS]) (int)
  = { granted0, granted1, granted2, granted3 };

/* The lone pages of the mprotect row, one per thread.  */
static char *pages[MAX_THREADS];

enum row_kind { ROW_ONE_KEY, ROW_OWN_KEYS, ROW_MPROTECT, NROWS };
static const char *const row_names[NROWS]
  = { "grants, one key", "grants, own keys", "mprotect pair + read" };

struct worker
{
  pthread_t thread;
  int index;
  enum row_kind kind;
  pthread_barrier_t *start;
  double ns;			/* This thread's loop.  */
  uint64_t sink;
};


static void *
work (void *arg)
{
  struct worker *w = arg;
  volatile int *page = (volatile int *) pages[w->index];
  int (*fn) (int) = own_key_fn[w->index];
  uint64_t s = 0, t0;

  pthread_barrier_wait (w->start);
  t0 = now_ns ();
  for (long i = 0; i < iters; i++)
    switch (w->kind)
      {
      case ROW_ONE_KEY:
	s += bench_granted ((int) i);
	break;
      case ROW_OWN_KEYS:
	s += fn ((int) i);
	break;
      default:
	mprotect ((void *) page, 4096, PROT_READ | PROT_WRITE);
	s += *page + i;
	mprotect ((void *) page, 4096, PROT_NONE);
	break;
      }
  w->ns = (double) (now_ns () - t0);
  w->sink = s;
  return NULL;
}

/* One run of KIND with NTHREADS threads: the mean time per call of one
   thread, and the calls per second of them all.  */

static void
run_once (enum row_kind kind, int nthreads, double *per_call,
	  double *per_second)
{
  struct worker w[MAX_THREADS];
  pthread_barrier_t start;
  double sum = 0, longest = 0;

  pthread_barrier_init (&start, NULL, nthreads);
  for (int i = 0; i < nthreads; i++)
    {
      w[i] = (struct worker) { .index = i, .kind = kind, .start = &start };
      if (pthread_create (&w[i].thread, NULL, work, &w[i]) != 0)
	{
	  perror ("threads: pthread_create");
	  exit (1);
	}
    }
  for (int i = 0; i < nthreads; i++)
    {
      pthread_join (w[i].thread, NULL);
      sum += w[i].ns;
      if (w[i].ns > longest)
	longest = w[i].ns;
    }
  pthread_barrier_destroy (&start);
  *per_call = sum / nthreads / iters;
  *per_second = longest > 0 ? nthreads * iters / (longest / 1e9) : 0;
}



static void
usage (void)
{
  fprintf (stderr, "usage: threads [-r RUNS] [-n ITERS-PER-THREAD]\n");
  exit (2);
}

int
main (int argc, char **argv)
{
  static const int counts[] = { 1, 2, 4 };
  enum { NCOUNTS = sizeof counts / sizeof counts[0] };
  double *per_call[NROWS][NCOUNTS], *per_second[NROWS][NCOUNTS];
  int opt;

  while ((opt = getopt (argc, argv, "r:n:")) != -1)
    switch (opt)
      {
      case 'r':
	runs = atoi (optarg);
	break;
      case 'n':
	iters = atol (optarg);
	break;
      default:
	usage ();
      }
  if (optind != argc || runs < 1 || iters < 1)
    usage ();

  for (int i = 0; i < MAX_THREADS; i++)
    {
      /* The middle of three pages whose neighbours stay read-only, so
	 that no call splits or merges a mapping.  */
      char *p = mmap (NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		      -1, 0);
      if (p == MAP_FAILED
	  || mprotect (p + 4096, 4096, PROT_READ | PROT_WRITE) != 0)
	{
	  perror ("threads: mmap");
	  return 1;
	}
      pages[i] = p + 4096;
      pages[i][0] = 1;		/* Give it a page-table entry.  */
      mprotect (pages[i], 4096, PROT_NONE);
    }

  /* The gates must work before anything is timed.  */
  if (bench_granted (1) != 1 || granted0 (1) != 1 || granted3 (2) != 2)
    {
      fprintf (stderr, "threads: the functions return wrong values\n");
      return 1;
    }

  for (int k = 0; k < NROWS; k++)
    for (int c = 0; c < NCOUNTS; c++)
      {
	per_call[k][c] = calloc (runs, sizeof (double));
	per_second[k][c] = calloc (runs, sizeof (double));
	if (!per_call[k][c] || !per_second[k][c])
	  {
	    perror ("threads");
	    return 1;
	  }
      }

  printf ("runtime mode: %s; %ld cpus online; %d runs, %ld calls per "
	  "thread per run; medians\n",
	  pkeyplug_mode_name (pkeyplug_mode ()), sysconf (_SC_NPROCESSORS_ONLN),
	  runs, iters);

  /* The runs, rows and thread counts interleaved, so that drift hits
     every cell alike.  */
  for (int r = 0; r < runs; r++)
    for (int k = 0; k < NROWS; k++)
      for (int c = 0; c < NCOUNTS; c++)
	run_once ((enum row_kind) k, counts[c], &per_call[k][c][r],
		  &per_second[k][c][r]);

  printf ("\n%-22s %8s %14s %16s %10s\n", "row", "threads",
	  "us/call/thread", "calls/s, all", "x 1 thread");
  for (int k = 0; k < NROWS; k++)
    {
      double one = 0;
      for (int c = 0; c < NCOUNTS; c++)
	{
	  double pc = median (per_call[k][c], runs);
	  double ps = median (per_second[k][c], runs);
	  if (c == 0)
	    one = pc;
	  printf ("%-22s %8d %14.2f %16.0f %10.2f\n", row_names[k], counts[c],
		  pc / 1000, ps, one > 0 ? pc / one : 0);
	}
    }
  printf ("(us/call/thread: what one call costs the thread that makes it; "
	  "x 1 thread: that, against one thread alone)\n");
  return 0;
}
