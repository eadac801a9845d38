/* gatefns.h -- the functions of bench/gatefns.c.  */

#ifndef BENCH_GATEFNS_H
#define BENCH_GATEFNS_H

/* Returns bench_public + X; no attribute.  */
int bench_plain (int x);
/* Returns bench_secret + X inside a read-write grant of key "bench".  */
int bench_granted (int x);
/* The same inside a read-only grant.  */
int bench_granted_read (int x);

#endif /* BENCH_GATEFNS_H */
