/* regdump.h -- for attack tests: what a caller finds in the registers
   right after a function returns.

   regdump_call calls FN (A, B) and, in the same asm, stores the call-used
   general registers and XSAVEs the x87/MMX, SSE, AVX and AVX-512 state the
   CPU has (xmm/ymm/zmm 0-31, k0-k7): no compiled code runs between the
   return and the dump.  regdump_report then prints one line per register
   class, "clean" or "secret in" the registers holding 8 consecutive
   bytes of a secret, and for the opmask registers whether any is non-zero (a
   comparison's mask is secret-derived, not a copy of the secret).  It
   returns the number of dirty classes.

   The caller of regdump_call must not read protected memory itself; the
   secret to look for is passed as an ordinary copy.  */

#ifndef REGDUMP_H
#define REGDUMP_H

#include <cpuid.h>
#include <stdio.h>
#include <string.h>

#define REGDUMP_NGPR 9
static const char *const regdump_gpr_names[REGDUMP_NGPR] = {
  "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"
};

/* Offsets in struct regdump are used by the asm below.  */
struct regdump
{
  unsigned long gpr[REGDUMP_NGPR];	/* 0 */
  unsigned long a, b;			/* 72, 80: FN's arguments */
  unsigned int mask_lo, mask_hi;	/* 88: XSAVE's component mask */
  unsigned long ret;			/* 96: FN's return value */
  unsigned long pad[3];
  unsigned char xsave[4096] __attribute__ ((aligned (64)));	/* 128 */
};

/* What the CPU has, found before anything is called.  */
static int regdump_have_avx, regdump_have_avx512;
/* Standard-format offsets of the XSAVE components (0 if absent).  */
static unsigned int regdump_off_ymmh, regdump_off_k, regdump_off_zmmh,
  regdump_off_hi16;

static void
regdump_init (struct regdump *d)
{
  unsigned int eax, ebx, ecx, edx, xcr0_lo = 3, xcr0_hi = 0;

  memset (d, 0, sizeof *d);
  __get_cpuid (1, &eax, &ebx, &ecx, &edx);
  if (ecx & (1u << 27))		/* OSXSAVE */
    __asm__ ("xgetbv" : "=a" (xcr0_lo), "=d" (xcr0_hi) : "c" (0));
  /* x87, SSE, AVX, opmask, ZMM_Hi256, Hi16_ZMM; not AMX.  */
  d->mask_lo = xcr0_lo & 0xe7;
  regdump_have_avx = (ecx & (1u << 28)) && (xcr0_lo & 6) == 6;
  regdump_have_avx512 = regdump_have_avx && (xcr0_lo & 0xe0) == 0xe0;
  if (regdump_have_avx)
    __cpuid_count (0xd, 2, eax, regdump_off_ymmh, ecx, edx);
  if (regdump_have_avx512)
    {
      __cpuid_count (0xd, 5, eax, regdump_off_k, ecx, edx);
      __cpuid_count (0xd, 6, eax, regdump_off_zmmh, ecx, edx);
      __cpuid_count (0xd, 7, eax, regdump_off_hi16, ecx, edx);
    }
}

/* FN (A, B), then the dump.  The stack is realigned and moved below the
   red zone for the call, so any function may call this.  */

static unsigned long
regdump_call (struct regdump *d, void *fn, unsigned long a, unsigned long b)
{
  register void *target __asm__ ("r12") = fn;
  d->a = a;
  d->b = b;
  __asm__ __volatile__ ("movq\t%%rsp, %%r13\n\t"
			"leaq\t-256(%%rsp), %%rsp\n\t"
			"andq\t$-16, %%rsp\n\t"
			"movq\t72(%%rbx), %%rdi\n\t"
			"movq\t80(%%rbx), %%rsi\n\t"
			"call\t*%%r12\n\t"
			"movq\t%%r13, %%rsp\n\t"
			"movq\t%%rax, 0(%%rbx)\n\t"
			"movq\t%%rcx, 8(%%rbx)\n\t"
			"movq\t%%rdx, 16(%%rbx)\n\t"
			"movq\t%%rsi, 24(%%rbx)\n\t"
			"movq\t%%rdi, 32(%%rbx)\n\t"
			"movq\t%%r8, 40(%%rbx)\n\t"
			"movq\t%%r9, 48(%%rbx)\n\t"
			"movq\t%%r10, 56(%%rbx)\n\t"
			"movq\t%%r11, 64(%%rbx)\n\t"
			"movq\t%%rax, 96(%%rbx)\n\t"
			"movl\t88(%%rbx), %%eax\n\t"
			"movl\t92(%%rbx), %%edx\n\t"
			"xsave\t128(%%rbx)"
			: "+r" (target)
			: "b" (d)
			: "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
			  "r11", "r13", "xmm0", "xmm1", "xmm2", "xmm3",
			  "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9",
			  "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
			  "memory", "cc");
  return d->ret;
}

/* Does P[0..N) hold 8 consecutive bytes of SECRET[0..LEN)?  */

static int
regdump_holds (const unsigned char *p, unsigned int n,
	       const unsigned char *secret, unsigned int len)
{
  for (unsigned int i = 0; i + 8 <= n; i++)
    for (unsigned int j = 0; j + 8 <= len; j++)
      if (memcmp (p + i, secret + j, 8) == 0)
	return 1;
  return 0;
}

/* Check NREGS registers of SIZE bytes, STRIDE apart from OFF in the dump;
   name them PREFIX FIRST+i.  Print the dirty ones; return 1 if any.  */

static int
regdump_check (const struct regdump *d, const char *cls, const char *prefix,
	       unsigned int first, unsigned int nregs, unsigned int off,
	       unsigned int size, unsigned int stride,
	       const unsigned char *secret, unsigned int len)
{
  int dirty = 0;
  printf ("%s:", cls);
  for (unsigned int i = 0; i < nregs; i++)
    if (regdump_holds (d->xsave + off + i * stride, size, secret, len))
      {
	printf ("%s %s%u", dirty ? "" : " secret in", prefix, first + i);
	dirty = 1;
      }
  printf ("%s\n", dirty ? "" : " clean");
  return dirty;
}

static int
regdump_report (const struct regdump *d, const unsigned char *secret,
		unsigned int len)
{
  int dirty = 0, any;

  printf ("general registers:");
  any = 0;
  for (int i = 0; i < REGDUMP_NGPR; i++)
    if (regdump_holds ((const unsigned char *) &d->gpr[i], 8, secret, len))
      {
	printf ("%s %s", any ? "" : " secret in", regdump_gpr_names[i]);
	any = 1;
      }
  printf ("%s\n", any ? "" : " clean");
  dirty += any;

  dirty += regdump_check (d, "x87/MMX", "st", 0, 8, 32, 10, 16, secret, len);
  dirty += regdump_check (d, "xmm0-15", "xmm", 0, 16, 160, 16, 16, secret,
			  len);
  if (regdump_have_avx)
    dirty += regdump_check (d, "ymm0-15 upper halves", "ymm", 0, 16,
			    regdump_off_ymmh, 16, 16, secret, len);
  else
    printf ("ymm0-15 upper halves: not on this CPU\n");
  if (!regdump_have_avx512)
    {
      printf ("zmm0-15 upper halves: not on this CPU\n");
      printf ("zmm16-31: not on this CPU\n");
      printf ("k0-7: not on this CPU\n");
      return dirty;
    }
  dirty += regdump_check (d, "zmm0-15 upper halves", "zmm", 0, 16,
			  regdump_off_zmmh, 32, 32, secret, len);
  dirty += regdump_check (d, "zmm16-31", "zmm", 16, 16, regdump_off_hi16, 64,
			  64, secret, len);
  printf ("k0-7:");
  any = 0;
  for (unsigned int i = 0; i < 8; i++)
    {
      unsigned long k;
      memcpy (&k, d->xsave + regdump_off_k + 8 * i, 8);
      if (k != 0)
	{
	  printf (" k%u", i);
	  any = 1;
	}
    }
  printf ("%s\n", any ? " not zero" : " zero");
  return dirty + any;
}

#endif
