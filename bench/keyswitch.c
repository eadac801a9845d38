/* keyswitch.c -- what one key switch costs: a call of a granting function
   against the other ways of opening and closing protected memory.

   Each row times a loop whose body is one call of a function from
   bench/gatefns.c, bracketed by one way of opening and closing a key:
     plain         bench_plain, no attribute: the baseline;
     outermost     bench_granted (PKEY_GRANT) while the thread holds no
		   grant: entry gate opens, exit gate closes;
     nested        the same call inside a grant of the same key (the
		   gates see the key open and do nothing more);
     hand-written  RDPKRU, AND, WRPKRU, the call, WRPKRU (inline asm
		   bytes, memory clobber, WRPKRU skipped when unchanged);
     pkey_set      glibc pkey_set (KEY, 0), the call,
		   pkey_set (KEY, PKEY_DISABLE_ACCESS);
     mprotect      mprotect (PAGE, RW), the call, mprotect (PAGE, NONE),
		   three times: PAGE alone in its mapping and never touched,
		   the same with one int read from PAGE inside the pair (what
		   a grant does: it opens a page to use it), and PAGE inside
		   .bss (each pair splits and merges the mapping);
     sigmask       two pthread_sigmask pairs around the call: what the
		   emulation's lock adds to an outermost grant (lock.c).
   Rows that need PKU are printed as "n/a (no PKU)" on CPUs without it
   (CPUID.7.0:ECX bits 3 and 4, then pkey_alloc); the annotated rows run
   in whatever mode the runtime chose (PKEYPLUG_OPTIONS=mode=...).

   Every row is measured RUNS times, the rows interleaved, each run a loop
   of ITERS calls (SLOW-ITERS for rows that make system calls); the table
   shows the medians per call of TSC ticks (lfence; rdtsc ... rdtscp;
   lfence) and of nanoseconds (CLOCK_MONOTONIC), the fastest run, the
   ratio to the plain call and the time added to it.

   Usage: keyswitch [-r RUNS] [-n ITERS] [-s SLOW-ITERS] [-t TARGET-NS]
		   [-R TARGET-RATIO]
   Compile with the plugin, link with gatefns.o and -lpkeyrt.  */

#define _GNU_SOURCE
#include <pkeyplug.h>

#include <cpuid.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "gatefns.h"
#include "median.h"
#include "pkru.h"

static long iters = 1000000;
static long slow_iters = 20000;
static int runs = 31;
static double target_ns = 5.0;
static double target_ratio = 1.25;

static volatile uint64_t sink;
static int have_rdtscp;

/* PKU state for the rows that use it without the runtime.  */
static int pku_ok;
static char pku_why[160];
static int own_pkey = -1;
static uint32_t own_keep;	/* PKRU & own_keep opens own_pkey.  */
/* The pages the mprotect rows toggle.  lone_page: the middle of three
   anonymous pages whose neighbours stay read-only, so no call splits or
   merges a mapping.  bss_page: the middle of three .bss pages whose
   neighbours stay read-write, so each pair splits the mapping in three
   and merges it again.  The cost of mprotect depends on that much.  */
static void *lone_page;
static char bss_pages[3 * 4096] __attribute__ ((aligned (4096)));
static void *bss_page = bss_pages + 4096;

/* Time stamps.  */

static inline uint64_t
tsc_start (void)
{
  uint32_t lo, hi;
  __asm__ volatile ("lfence\n\trdtsc\n\tlfence" : "=a" (lo), "=d" (hi)
		    : : "memory");
  return ((uint64_t) hi << 32) | lo;
}

static inline uint64_t
tsc_stop (void)
{
  uint32_t lo, hi, aux;
  if (have_rdtscp)
    __asm__ volatile ("rdtscp\n\tlfence" : "=a" (lo), "=d" (hi), "=c" (aux)
		      : : "memory");
  else
    __asm__ volatile ("lfence\n\trdtsc\n\tlfence" : "=a" (lo), "=d" (hi)
		      : : "memory");
  return ((uint64_t) hi << 32) | lo;
}



/* The loops, one per row.  */

static uint64_t
loop_plain (long n)
{
  uint64_t s = 0;
  for (long i = 0; i < n; i++)
    s += bench_plain ((int) i);
  return s;
}

static uint64_t
loop_annotated (long n)
{
  uint64_t s = 0;
  for (long i = 0; i < n; i++)
    s += bench_granted ((int) i);
  return s;
}

static uint64_t
loop_hand (long n)
{
  uint64_t s = 0;
  for (long i = 0; i < n; i++)
    {
      uint32_t saved = bench_rdpkru ();
      uint32_t opened = saved & own_keep;
      if (opened != saved)
	bench_wrpkru (opened);
      s += bench_plain ((int) i);
      if (opened != saved)
	bench_wrpkru (saved);
    }
  return s;
}

static uint64_t
loop_pkey_set (long n)
{
  uint64_t s = 0;
  for (long i = 0; i < n; i++)
    {
      pkey_set (own_pkey, 0);
      s += bench_plain ((int) i);
      pkey_set (own_pkey, PKEY_DISABLE_ACCESS);
    }
  return s;
}

static uint64_t
mprotect_pairs (void *page, long n)
{
  uint64_t s = 0;
  for (long i = 0; i < n; i++)
    {
      mprotect (page, 4096, PROT_READ | PROT_WRITE);
      s += bench_plain ((int) i);
      mprotect (page, 4096, PROT_NONE);
    }
  return s;
}

static uint64_t
loop_mprotect_lone (long n)
{
  return mprotect_pairs (lone_page, n);
}

/* The pair with a read of the page inside it.  A page that is used
   between the calls has a page-table entry (and a TLB entry) that the
   next mprotect must change and flush; an untouched page has none, and
   its pair is cheaper than any grant can be.  */

static uint64_t
loop_mprotect_lone_read (long n)
{
  uint64_t s = 0;
  volatile int *p = lone_page;

  for (long i = 0; i < n; i++)
    {
      mprotect (lone_page, 4096, PROT_READ | PROT_WRITE);
      s += bench_plain ((int) i) + *p;
      mprotect (lone_page, 4096, PROT_NONE);
    }
  return s;
}

static uint64_t
loop_sigmask (long n)
{
  uint64_t s = 0;
  sigset_t all, old;

  sigfillset (&all);
  for (long i = 0; i < n; i++)
    {
      pthread_sigmask (SIG_BLOCK, &all, &old);
      pthread_sigmask (SIG_SETMASK, &old, NULL);
      s += bench_plain ((int) i);
      pthread_sigmask (SIG_BLOCK, &all, &old);
      pthread_sigmask (SIG_SETMASK, &old, NULL);
    }
  return s;
}

static uint64_t
loop_mprotect_bss (long n)
{
  return mprotect_pairs (bss_page, n);
}

/* The rows that the targets compare, by their place in the table.  */
enum { ROW_PLAIN, ROW_OUTER, ROW_NESTED, ROW_LONE = 7, ROW_LONE_READ = 8 };

/* A row of the table.  */
struct row
{
  const char *name;
  uint64_t (*loop) (long);
  int slow;			/* Makes system calls: SLOW-ITERS.  */
  int nested;			/* Measured inside a grant.  */
  const char *na;		/* Why it cannot run here, or NULL.  */
  double *ticks, *ns;		/* One per run.  */
  double med_ticks, med_ns, min_ns;
};

/* One run of ROW: per-call ticks and nanoseconds.  */

static void
measure (struct row *row, long n, double *ticks, double *ns)
{
  uint64_t t0 = now_ns ();
  uint64_t c0 = tsc_start ();
  uint64_t s = row->loop (n);
  uint64_t c1 = tsc_stop ();
  uint64_t t1 = now_ns ();

  sink += s;
  *ticks = (double) (c1 - c0) / n;
  *ns = (double) (t1 - t0) / n;
}

/* The same with the thread holding key "bench" all along: every gate of
   the loop is a nested one.  */

PKEY_GRANT ("bench") static void
measure_in_grant (struct row *row, long n, double *ticks, double *ns)
{
  measure (row, n, ticks, ns);
}

static void
run_row (struct row *row, long n, double *ticks, double *ns)
{
  if (row->nested)
    measure_in_grant (row, n, ticks, ns);
  else
    measure (row, n, ticks, ns);
}



/* Can this thread use PKU?  Allocates own_pkey when it can.  */

static void
probe_pku (void)
{
  unsigned int eax, ebx, ecx, edx;

  if (!__get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx))
    {
      snprintf (pku_why, sizeof pku_why, "no CPUID leaf 7");
      return;
    }
  if (!(ecx & (1u << 3)))
    {
      snprintf (pku_why, sizeof pku_why, "CPUID.7.0:ECX.PKU[bit 3] = 0");
      return;
    }
  if (!(ecx & (1u << 4)))
    {
      snprintf (pku_why, sizeof pku_why,
		"CPUID.7.0:ECX.OSPKE[bit 4] = 0, the kernel did not enable it");
      return;
    }
  own_pkey = pkey_alloc (0, PKEY_DISABLE_ACCESS);
  if (own_pkey < 0)
    {
      snprintf (pku_why, sizeof pku_why, "pkey_alloc: %s", strerror (errno));
      return;
    }
  own_keep = ~(3u << (2 * own_pkey));
  pku_ok = 1;
}

static void
usage (void)
{
  fprintf (stderr, "usage: keyswitch [-r RUNS] [-n ITERS] [-s SLOW-ITERS] "
	   "[-t TARGET-NS] [-R TARGET-RATIO]\n");
  exit (2);
}

int
main (int argc, char **argv)
{
  int opt;
  unsigned int eax, ebx, ecx, edx;
  enum pkeyplug_mode mode = pkeyplug_mode ();
  const char *mode_name = pkeyplug_mode_name (mode);
  char na_pku[200], na_mode_hw[200], na_mode_emu[200];
  char outer_name[64], nested_name[64], other_outer[64], other_nested[64];
  const char *other;

  while ((opt = getopt (argc, argv, "r:n:s:t:R:")) != -1)
    switch (opt)
      {
      case 'r':
	runs = atoi (optarg);
	break;
      case 'n':
	iters = atol (optarg);
	break;
      case 's':
	slow_iters = atol (optarg);
	break;
      case 't':
	target_ns = atof (optarg);
	break;
      case 'R':
	target_ratio = atof (optarg);
	break;
      default:
	usage ();
      }
  if (optind != argc || runs < 1 || iters < 1 || slow_iters < 1)
    usage ();

  have_rdtscp = __get_cpuid (0x80000001, &eax, &ebx, &ecx, &edx)
		&& (edx & (1u << 27));
  probe_pku ();

  /* Stay on one CPU: no migration in the middle of a run.  */
  {
    int cpu = sched_getcpu ();
    cpu_set_t set;
    CPU_ZERO (&set);
    if (cpu >= 0)
      {
	CPU_SET (cpu, &set);
	sched_setaffinity (0, sizeof set, &set);
      }
  }

  lone_page = mmap (NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		    -1, 0);
  if (lone_page == MAP_FAILED)
    {
      perror ("keyswitch: mmap");
      return 1;
    }
  lone_page = (char *) lone_page + 4096;
  memset (bss_pages, 1, sizeof bss_pages);
  if (mprotect (lone_page, 4096, PROT_NONE) != 0
      || mprotect (bss_page, 4096, PROT_NONE) != 0)
    {
      perror ("keyswitch: mprotect");
      return 1;
    }

  /* The gates must work before anything is timed.  */
  if (bench_granted (1) != 1 || bench_plain (1) != 1)
    {
      fprintf (stderr, "keyswitch: the functions return wrong values\n");
      return 1;
    }

  snprintf (na_pku, sizeof na_pku, "n/a (no PKU: %s)", pku_why);
  if (!pku_ok)
    snprintf (na_mode_hw, sizeof na_mode_hw, "%s", na_pku);
  else
    snprintf (na_mode_hw, sizeof na_mode_hw,
	      "n/a (runtime in %s mode; PKEYPLUG_OPTIONS=mode=hw)",
	      mode_name);
  snprintf (na_mode_emu, sizeof na_mode_emu,
	    "n/a (runtime in %s mode; PKEYPLUG_OPTIONS=mode=emulate)",
	    mode_name);

  snprintf (outer_name, sizeof outer_name,
	    "annotated, outermost grant [%s]", mode_name);
  snprintf (nested_name, sizeof nested_name,
	    "annotated, nested grant [%s]", mode_name);
  other = mode == PKEYPLUG_MODE_HW ? "emulate" : "hw";
  snprintf (other_outer, sizeof other_outer,
	    "annotated, outermost grant [%s]", other);
  snprintf (other_nested, sizeof other_nested,
	    "annotated, nested grant [%s]", other);

  struct row rows[] = {
    { .name = "plain call, no attribute", .loop = loop_plain },
    { .name = outer_name, .loop = loop_annotated,
      .slow = mode == PKEYPLUG_MODE_EMULATE },
    { .name = nested_name, .loop = loop_annotated, .nested = 1 },
    { .name = other_outer,
      .na = mode == PKEYPLUG_MODE_HW ? na_mode_emu : na_mode_hw },
    { .name = other_nested,
      .na = mode == PKEYPLUG_MODE_HW ? na_mode_emu : na_mode_hw },
    { .name = "hand-written RDPKRU/WRPKRU + call", .loop = loop_hand,
      .na = pku_ok ? NULL : na_pku },
    { .name = "glibc pkey_set pair + call", .loop = loop_pkey_set,
      .na = pku_ok ? NULL : na_pku },
    { .name = "mprotect pair, lone page + call", .loop = loop_mprotect_lone,
      .slow = 1 },
    { .name = "mprotect pair, lone page read + call",
      .loop = loop_mprotect_lone_read, .slow = 1 },
    { .name = "mprotect pair, .bss page + call", .loop = loop_mprotect_bss,
      .slow = 1 },
    { .name = "2 sigmask pairs + call", .loop = loop_sigmask, .slow = 1 },
  };
  const int nrows = sizeof rows / sizeof rows[0];

  printf ("runtime mode: %s (key 'bench': %d); PKU: %s%s%s\n", mode_name,
	  pkeyplug_key_of ("bench"), pku_ok ? "yes" : "no",
	  pku_ok ? "" : ", ", pku_ok ? "" : pku_why);
  printf ("%d runs per row, %ld calls per run (%ld for rows with system "
	  "calls); medians per call; end stamp %s\n", runs, iters,
	  slow_iters, have_rdtscp ? "rdtscp" : "rdtsc");

  for (int i = 0; i < nrows; i++)
    {
      rows[i].ticks = calloc (runs, sizeof (double));
      rows[i].ns = calloc (runs, sizeof (double));
      if (!rows[i].ticks || !rows[i].ns)
	{
	  perror ("keyswitch");
	  return 1;
	}
    }

  /* Warm up (caches, lazy binding, the first grant's one-off work).  */
  for (int i = 0; i < nrows; i++)
    if (!rows[i].na)
      {
	double t, n;
	long it = rows[i].slow ? slow_iters : iters;
	run_row (&rows[i], it / 10 + 1, &t, &n);
      }
  /* The runs, rows interleaved, so that drift hits every row alike.  */
  for (int r = 0; r < runs; r++)
    for (int i = 0; i < nrows; i++)
      if (!rows[i].na)
	run_row (&rows[i], rows[i].slow ? slow_iters : iters,
		 &rows[i].ticks[r], &rows[i].ns[r]);

  for (int i = 0; i < nrows; i++)
    if (!rows[i].na)
      {
	rows[i].med_ticks = median (rows[i].ticks, runs);
	rows[i].med_ns = median (rows[i].ns, runs);
	rows[i].min_ns = rows[i].ns[0];	/* median () sorted them.  */
      }

  const struct row *plain = &rows[0];
  printf ("\n%-36s %10s %10s %10s %9s %10s\n", "row (one call + open/close)",
	  "ticks", "ns", "min ns", "x plain", "+ns");
  for (int i = 0; i < nrows; i++)
    {
      const struct row *w = &rows[i];
      if (w->na)
	{
	  printf ("%-36s %s\n", w->name, w->na);
	  continue;
	}
      printf ("%-36s %10.1f %10.2f %10.2f %9.2f %10.2f\n", w->name,
	      w->med_ticks, w->med_ns, w->min_ns, w->med_ns / plain->med_ns,
	      w->med_ns - plain->med_ns);
    }
  if (plain->med_ns > 0)
    printf ("(ticks: TSC at %.2f GHz, not core cycles; +ns: over the plain "
	    "call)\n", plain->med_ticks / plain->med_ns);

  if (mode == PKEYPLUG_MODE_EMULATE)
    {
      double added = rows[ROW_NESTED].med_ns - plain->med_ns;
      if (added <= target_ns)
	printf ("target: emulate-mode nested switch <= %.1f ns: MET "
		"(%.2f ns over the plain call, %.2f ns in all)\n", target_ns,
		added, rows[ROW_NESTED].med_ns);
      else
	printf ("target: emulate-mode nested switch <= %.1f ns: MISSED by "
		"%.2f ns (%.2f ns over the plain call, %.2f ns in all)\n",
		target_ns, added - target_ns, added, rows[ROW_NESTED].med_ns);
    }
  else
    printf ("target: emulate-mode nested switch <= %.1f ns: not measured "
	    "(runtime in %s mode)\n", target_ns, mode_name);

  /* The outermost emulated grant against its floor: the two mprotect
     calls on a page that is read in between.  */
  if (mode == PKEYPLUG_MODE_EMULATE)
    {
      double ratio = rows[ROW_OUTER].med_ns / rows[ROW_LONE_READ].med_ns;
      printf ("target: emulate-mode outermost grant <= %.2fx an mprotect "
	      "pair with a read: %s (%.2fx; %.2fx the untouched pair)\n",
	      target_ratio, ratio <= target_ratio ? "MET" : "MISSED",
	      ratio, rows[ROW_OUTER].med_ns / rows[ROW_LONE].med_ns);
    }
  else
    printf ("target: emulate-mode outermost grant <= %.2fx an mprotect pair "
	    "with a read: not measured (runtime in %s mode)\n", target_ratio,
	    mode_name);
  return 0;
}
