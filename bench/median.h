/* median.h -- the clock and the median that the timing benchmarks
   (keyswitch.c, threads.c) share.  */

#ifndef PKEYPLUG_BENCH_MEDIAN_H
#define PKEYPLUG_BENCH_MEDIAN_H

#include <stdint.h>
#include <stdlib.h>
#include <time.h>

static inline uint64_t
now_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The median of the N values V (sorts them: V[0] is then the least).  */

static inline double
median (double *v, int n)
{
  qsort (v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#endif /* PKEYPLUG_BENCH_MEDIAN_H */
