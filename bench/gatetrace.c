/* gatetrace.c -- which instructions a gate executes, on any x86-64 CPU.

   The functions of bench/gatefns.c (compiled with the plugin) are run
   one instruction at a time with the trap flag (EFLAGS.TF): each SIGTRAP
   reports the address of the next instruction, and the ones inside the
   function being traced are recorded.  This program does not link
   libpkeyrt: it stands in for it, takes the key's descriptor from the
   unit's registration and fills it itself, so that any gate kind can be
   traced.  On a CPU without PKU, RDPKRU and WRPKRU raise SIGILL; the
   SIGILL handler carries them out on a simulated PKRU and steps over
   them.  On a CPU with PKU they run for real.

   Output, one line per path traced, for bench/run to read:
     path NAME FUNCTION insns N rdpkru R wrpkru W offsets O1,O2,...
	  callees C
   (offsets in hex from the start of FUNCTION, in the order executed; C
   the instructions run in the functions FUNCTION calls, counted while
   the call is on the stack).  The one callee of the hw path, the
   runtime's register scrubber, is the real one: runtime/scrub.c is
   linked in.

   Usage: gatetrace (no arguments).  Compile without the plugin, with
   -I include -I runtime, with runtime/scrub.c, and link with gatefns.o
   and -rdynamic (the functions' sizes come from their symbols).  */

#define _GNU_SOURCE
#include <cpuid.h>
#include <dlfcn.h>
#include <link.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#include "pkeyplug-abi.h"
#include "gatefns.h"
#include "pkru.h"

/* The key the simulated runtime gives "bench".  */
#define TRACE_PKEY 1
#define AD_BIT(k) (1u << (2 * (k)))
#define WD_BIT(k) (2u << (2 * (k)))
/* The kernel's default PKRU: every key but 0 access-disabled.  */
#define PKRU_DEFAULT 0x55555554u

#define MAX_STEPS 4096

static struct pkeyplug_key_desc *bench_desc;

/* What the trap handlers see.  */
static uintptr_t trace_lo, trace_hi;
/* The stack pointer on entry to the traced function: below it, code
   outside the function is a callee's.  */
static uintptr_t entry_sp;
static uint32_t offsets[MAX_STEPS];
static unsigned int nsteps, ncallee, nrdpkru, nwrpkru;
static int have_pku;
static volatile uint32_t sim_pkru;

/* The runtime's entry points, stood in for.  */

/* What every unit refers to so that a link without libpkeyrt says so.  */
__asm__ ("\t.text\n"
	 "\t.globl \"" PKEYPLUG_RUNTIME_SYMBOL "\"\n"
	 "\"" PKEYPLUG_RUNTIME_SYMBOL "\":\n"
	 "\tret\n");

void
__pkeyplug_register_unit (const struct pkeyplug_unit_entry *entries,
			  uint32_t count, uint32_t abi_version)
{
  uint32_t i;

  if (abi_version != PKEYPLUG_ABI_VERSION)
    {
      fprintf (stderr, "gatetrace: unit of ABI %u, expected %u\n",
	       abi_version, PKEYPLUG_ABI_VERSION);
      exit (2);
    }
  for (i = 0; i < count; i++)
    if (entries[i].kind == PKEYPLUG_ENTRY_KEY
	&& strcmp (entries[i].key, "bench") == 0)
      bench_desc = entries[i].desc;
}

uint32_t
__pkeyplug_emulate_open (const struct pkeyplug_key_desc *desc,
			 uint32_t grant)
{
  (void) desc;
  (void) grant;
  return 0;
}

void
__pkeyplug_emulate_close (const struct pkeyplug_key_desc *desc,
			  uint32_t token)
{
  (void) desc;
  (void) token;
}

void
__pkeyplug_emulate_close_scrub (const struct pkeyplug_key_desc *desc,
				uint32_t token, uint32_t how)
{
  (void) desc;
  (void) token;
  (void) how;
}

static void
record (uintptr_t rip, uintptr_t sp)
{
  if (rip == trace_lo && entry_sp == 0)
    entry_sp = sp;
  if (rip >= trace_lo && rip < trace_hi && nsteps < MAX_STEPS)
    offsets[nsteps++] = (uint32_t) (rip - trace_lo);
  else if (entry_sp != 0 && sp > entry_sp)
    /* Returned: what follows is the tracer's.  */
    entry_sp = 1;
  else if (entry_sp > 1)
    ncallee++;
}

/* After each instruction: RIP is the next one to run.  */

static void
on_trap (int sig, siginfo_t *si, void *ctx)
{
  ucontext_t *uc = ctx;

  (void) sig;
  (void) si;
  record ((uintptr_t) uc->uc_mcontext.gregs[REG_RIP],
	  (uintptr_t) uc->uc_mcontext.gregs[REG_RSP]);
}

/* RDPKRU or WRPKRU on a CPU without PKU: carry it out on sim_pkru.  */

static void
on_ill (int sig, siginfo_t *si, void *ctx)
{
  ucontext_t *uc = ctx;
  greg_t *r = uc->uc_mcontext.gregs;
  const unsigned char *p = (const unsigned char *) r[REG_RIP];

  (void) sig;
  (void) si;
  if (p[0] != 0x0f || p[1] != 0x01 || (p[2] != 0xee && p[2] != 0xef))
    {
      static const char msg[] = "gatetrace: SIGILL, not RDPKRU/WRPKRU\n";
      fputs (msg, stderr);
      _exit (3);
    }
  if (p[2] == 0xee)
    {
      r[REG_RAX] = sim_pkru;
      r[REG_RDX] = 0;
      nrdpkru++;
    }
  else
    {
      sim_pkru = (uint32_t) r[REG_RAX];
      nwrpkru++;
    }
  r[REG_RIP] += 3;
  /* No trap follows the faulting instruction: the next one would go
     unrecorded.  */
  record ((uintptr_t) r[REG_RIP], (uintptr_t) r[REG_RSP]);
}


/* Set the PKRU the gate will read.  */

static void
set_pkru (uint32_t v)
{
  if (have_pku)
    bench_wrpkru (v);
  else
    sim_pkru = v;
}

static uint32_t
get_pkru (void)
{
  return have_pku ? bench_rdpkru () : sim_pkru;
}

typedef int fn_t (int);

/* The size of function FN from its symbol (link with -rdynamic).  */

static size_t
function_size (fn_t *fn, const char *fname)
{
  Dl_info info;
  const ElfW (Sym) *sym = NULL;

  if (!dladdr1 ((void *) fn, &info, (void **) &sym, RTLD_DL_SYMENT)
      || !sym || sym->st_size == 0)
    {
      fprintf (stderr, "gatetrace: no symbol size for %s "
	       "(link with -rdynamic)\n", fname);
      exit (2);
    }
  return sym->st_size;
}

/* Call FN (7) one instruction at a time; print the path as NAME.  */

static void
trace (const char *name, const char *fname, fn_t *fn)
{
  fn_t *volatile call = fn;
  unsigned int i;
  int rd0 = nrdpkru, wr0 = nwrpkru;
  uint32_t before = get_pkru ();
  volatile int result;

  trace_lo = (uintptr_t) fn;
  trace_hi = trace_lo + function_size (fn, fname);
  nsteps = ncallee = 0;
  entry_sp = 0;
  /* Set TF; keep clear of the red zone.  */
  __asm__ volatile ("lea -128(%%rsp), %%rsp\n\t"
		    "pushfq\n\t"
		    "orq $0x100, (%%rsp)\n\t"
		    "popfq\n\t"
		    "lea 128(%%rsp), %%rsp" : : : "memory", "cc");
  result = call (7);
  __asm__ volatile ("lea -128(%%rsp), %%rsp\n\t"
		    "pushfq\n\t"
		    "andq $~0x100, (%%rsp)\n\t"
		    "popfq\n\t"
		    "lea 128(%%rsp), %%rsp" : : : "memory", "cc");
  (void) result;
  trace_hi = 0;

  if (have_pku)
    {
      /* Count them from the recorded code instead.  */
      rd0 = wr0 = 0;
      nrdpkru = nwrpkru = 0;
      for (i = 0; i < nsteps; i++)
	{
	  const unsigned char *p = (const unsigned char *) trace_lo
				   + offsets[i];
	  if (p[0] == 0x0f && p[1] == 0x01 && p[2] == 0xee)
	    nrdpkru++;
	  if (p[0] == 0x0f && p[1] == 0x01 && p[2] == 0xef)
	    nwrpkru++;
	}
    }
  if (get_pkru () != before)
    {
      fprintf (stderr, "gatetrace: %s left PKRU %#x, was %#x\n", name,
	       get_pkru (), before);
      exit (1);
    }
  printf ("path %s %s insns %u rdpkru %u wrpkru %u offsets ", name, fname,
	  nsteps, nrdpkru - rd0, nwrpkru - wr0);
  for (i = 0; i < nsteps; i++)
    printf ("%s%x", i ? "," : "", offsets[i]);
  printf (" callees %u\n", ncallee);
}

int
main (void)
{
  unsigned int eax, ebx, ecx, edx;
  struct sigaction sa;
  uint32_t pkru0 = 0;

  have_pku = (__get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx)
	      && (ecx & (1u << 3)) && (ecx & (1u << 4)));
  if (!bench_desc)
    {
      fprintf (stderr, "gatetrace: gatefns.o registered no key 'bench' "
	       "(not compiled with the plugin?)\n");
      return 2;
    }

  memset (&sa, 0, sizeof sa);
  sa.sa_flags = SA_SIGINFO;
  sigemptyset (&sa.sa_mask);
  sa.sa_sigaction = on_trap;
  sigaction (SIGTRAP, &sa, NULL);
  sa.sa_sigaction = on_ill;
  sigaction (SIGILL, &sa, NULL);

  if (have_pku)
    pkru0 = bench_rdpkru ();
  printf ("cpu-pku %s\n", have_pku ? "yes" : "no (RDPKRU/WRPKRU simulated)");

  /* What the runtime would write for hardware key TRACE_PKEY.  */
  bench_desc->keep_rw = ~(AD_BIT (TRACE_PKEY) | WD_BIT (TRACE_PKEY));
  bench_desc->keep_ro = ~(AD_BIT (TRACE_PKEY) | WD_BIT (TRACE_PKEY));
  bench_desc->ad_bit = AD_BIT (TRACE_PKEY);
  bench_desc->slot = 0;

  trace ("plain", "bench_plain", bench_plain);

  bench_desc->gate = PKEYPLUG_GATE_HW;
  /* Outermost: the key is locked, both gates write PKRU.  */
  set_pkru (PKRU_DEFAULT);
  trace ("hw-outer-rw", "bench_granted", bench_granted);
  trace ("hw-outer-read", "bench_granted_read", bench_granted_read);
  /* Nested: the key is already open, both WRPKRU are skipped.  */
  set_pkru (PKRU_DEFAULT & ~(AD_BIT (TRACE_PKEY) | WD_BIT (TRACE_PKEY)));
  trace ("hw-nested-rw", "bench_granted", bench_granted);
  trace ("hw-nested-read", "bench_granted_read", bench_granted_read);
  set_pkru (PKRU_DEFAULT);

  /* The emulate path, in the function only (the runtime's calls are
     stubs here and not counted).  */
  bench_desc->gate = PKEYPLUG_GATE_EMULATE;
  trace ("emulate-rw", "bench_granted", bench_granted);
  /* Before the runtime has set the key up.  */
  bench_desc->gate = PKEYPLUG_GATE_NONE;
  trace ("none-rw", "bench_granted", bench_granted);

  if (have_pku)
    bench_wrpkru (pkru0);
  return 0;
}
