/* scrub.c -- clear the registers and the stack a grant leaves behind.

   __pkeyplug_scrub_regs: the exit gate of a grant that closes its key
   calls it (unless -fplugin-arg-pkeyplug-scrub=none), and so does the
   runtime wherever it copied protected bytes.  GCC's zero_call_used_regs
   clears the registers the granting function itself used, but not those
   its callees dirtied: glibc's memcpy and memcmp leave pieces of what they
   copied in xmm/ymm 0-15 (AVX2) or ymm16-31 and k registers (EVEX), an
   x87 routine in st0-7, any routine in general registers.  It clears
   every call-used register but the stack pointer: rax, rcx, rdx, rsi,
   rdi, r8-r11, the x87/MMX registers (FXSAVE and XSAVE store them even
   when tagged empty, so they are overwritten with zeros, not just
   freed), xmm/ymm/zmm 0-31 and k0-7 as the CPU has them.  Its callers
   reload whatever they still need, as after any call; a value a
   function returns is set after the call.  The variant is chosen once
   per process by an ifunc resolver (CPUID and XCR0): a vector
   instruction the CPU or the kernel does not enable would raise SIGILL.
   No XRSTOR: it can load PKRU (a gadget pkeyplug-scan looks for).

   __pkeyplug_scrub_stack: with -fplugin-arg-pkeyplug-scrub-stack=BYTES
   the exit gate of a grant that closes its key also calls it: the frames
   of the functions the grant called lie dead below the stack pointer,
   with whatever secrets they copied, until something overwrites them.
   It uses no stack of its own: it clears the BYTES (at most 1 MiB) right
   below its return address, which is all the dead stack but that one
   slot.

   Both are assembly, so that they neither use nor leave anything of
   their own.  */

#include "pkeyrt.h"

#include <cpuid.h>

/* More than this is surely a mistake; the stack has its limits (a thread's
   stack is 8 MiB by default).  */
#define SCRUB_MAX 0x100000

__asm__ ("\t.text\n"
	 "\t.globl __pkeyplug_scrub_stack\n"
	 "\t.type __pkeyplug_scrub_stack, @function\n"
	 /* The runtime's own name for it, bound within the library.  */
	 "\t.globl pkeyrt_scrub_stack\n"
	 "\t.hidden pkeyrt_scrub_stack\n"
	 "__pkeyplug_scrub_stack:\n"
	 "pkeyrt_scrub_stack:\n"
	 "\t.cfi_startproc\n"
	 "\tmovl %edi, %ecx\n"
	 "\tmovl $" PKEYRT_STRINGIFY (SCRUB_MAX) ", %eax\n"
	 "\tcmpq %rax, %rcx\n"
	 "\tcmovaq %rax, %rcx\n"
	 "\tmovq %rsp, %rdi\n"
	 "\tsubq %rcx, %rdi\n"
	 "\txorl %eax, %eax\n"
	 "\trep stosb\n"
	 "\tret\n"
	 "\t.cfi_endproc\n"
	 "\t.size __pkeyplug_scrub_stack, .-__pkeyplug_scrub_stack\n");

/* The register scrubbers.  Each variant: the x87/MMX registers (EMMS
   first, in case a caller left MMX state behind, so that eight loads fit
   on the x87 stack; eight FLDZ fill every physical register, eight FSTP
   leave the stack empty again, as the ABI wants it at a call), the
   vector registers, then the general ones.  VZEROALL zeroes zmm0-15 in
   full where AVX-512 makes them 512 bits wide.  */

#define SCRUB_BEGIN(NAME) \
  "\t.text\n" \
  "\t.p2align 4\n" \
  "\t.type " NAME ", @function\n" \
  NAME ":\n" \
  "\t.cfi_startproc\n" \
  "\temms\n" \
  "\t.rept 8\n\tfldz\n\t.endr\n" \
  "\t.rept 8\n\tfstp %st(0)\n\t.endr\n"

#define SCRUB_END(NAME) \
  "\txorl %eax, %eax\n" \
  "\txorl %ecx, %ecx\n" \
  "\txorl %edx, %edx\n" \
  "\txorl %esi, %esi\n" \
  "\txorl %edi, %edi\n" \
  "\txorl %r8d, %r8d\n" \
  "\txorl %r9d, %r9d\n" \
  "\txorl %r10d, %r10d\n" \
  "\txorl %r11d, %r11d\n" \
  "\tret\n" \
  "\t.cfi_endproc\n" \
  "\t.size " NAME ", .-" NAME "\n"

/* Without AVX: xmm0-15.  */
__asm__ (SCRUB_BEGIN ("pkeyrt_scrub_regs_sse")
	 "\t.irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
	 "\tpxor %xmm\\n, %xmm\\n\n"
	 "\t.endr\n"
	 SCRUB_END ("pkeyrt_scrub_regs_sse"));

/* AVX: ymm0-15.  */
__asm__ (SCRUB_BEGIN ("pkeyrt_scrub_regs_avx")
	 "\tvzeroall\n"
	 SCRUB_END ("pkeyrt_scrub_regs_avx"));

/* AVX-512: also zmm16-31 (an EVEX write of the low part zeroes the rest;
   the 128-bit form needs AVX512VL, the 512-bit one AVX512F alone) and
   k0-7 (KXORW zeroes all 64 bits).  */
#define SCRUB_AVX512(NAME, WIDTH) \
  SCRUB_BEGIN (NAME) \
  "\t.irp n,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n" \
  "\tvpxord %" WIDTH "\\n, %" WIDTH "\\n, %" WIDTH "\\n\n" \
  "\t.endr\n" \
  "\t.irp n,0,1,2,3,4,5,6,7\n" \
  "\tkxorw %k\\n, %k\\n, %k\\n\n" \
  "\t.endr\n" \
  "\tvzeroall\n" \
  SCRUB_END (NAME)

__asm__ (SCRUB_AVX512 ("pkeyrt_scrub_regs_avx512vl", "xmm"));
__asm__ (SCRUB_AVX512 ("pkeyrt_scrub_regs_avx512f", "zmm"));

typedef void scrub_fn (void);
extern scrub_fn pkeyrt_scrub_regs_sse, pkeyrt_scrub_regs_avx,
  pkeyrt_scrub_regs_avx512vl, pkeyrt_scrub_regs_avx512f;

/* XCR0: the state components the kernel enabled.  */
#define XCR0_SSE_AVX 0x06u
#define XCR0_AVX512 0xe0u	/* opmask, ZMM_Hi256, Hi16_ZMM */

/* Called by the dynamic linker (or a static program's start-up) before
   anything else of the runtime has run: CPUID and XGETBV only.  */

static scrub_fn *
resolve_scrub_regs (void)
{
  unsigned int eax, ebx, ecx, edx, xcr0, xcr0_hi;

  if (!__get_cpuid (1, &eax, &ebx, &ecx, &edx)
      || !(ecx & bit_OSXSAVE) || !(ecx & bit_AVX))
    return pkeyrt_scrub_regs_sse;
  __asm__ ("xgetbv" : "=a" (xcr0), "=d" (xcr0_hi) : "c" (0));
  if ((xcr0 & XCR0_SSE_AVX) != XCR0_SSE_AVX)
    return pkeyrt_scrub_regs_sse;
  if (!__get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx)
      || !(ebx & bit_AVX512F) || (xcr0 & XCR0_AVX512) != XCR0_AVX512)
    return pkeyrt_scrub_regs_avx;
  return (ebx & bit_AVX512VL) ? pkeyrt_scrub_regs_avx512vl
    : pkeyrt_scrub_regs_avx512f;
}

PKEYRT_EXPORT void __pkeyplug_scrub_regs (void)
  __attribute__ ((ifunc ("resolve_scrub_regs")));
