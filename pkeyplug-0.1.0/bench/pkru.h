/* pkru.h -- RDPKRU and WRPKRU for the benchmarks: the instruction bytes,
   so that no -mpku is needed, with "memory" clobbers like the plugin's
   gates.  Call only where CPUID shows PKU and OSPKE (else SIGILL).  */

#ifndef BENCH_PKRU_H
#define BENCH_PKRU_H

#include <stdint.h>

static inline uint32_t
bench_rdpkru (void)
{
  uint32_t eax, edx;
  __asm__ volatile (".byte 0x0f,0x01,0xee" : "=a" (eax), "=d" (edx)
		    : "c" (0) : "memory");
  return eax;
}

static inline void
bench_wrpkru (uint32_t v)
{
  __asm__ volatile (".byte 0x0f,0x01,0xef" : : "a" (v), "c" (0), "d" (0)
		    : "memory");
}

#endif
