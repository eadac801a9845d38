/* lsan.c -- LeakSanitizer: protected pages kept out of its scan.

   LeakSanitizer (AddressSanitizer's leak checker, and -fsanitize=leak)
   looks for heap pointers in every writable PT_LOAD segment that
   dl_iterate_phdr reports, from a tracer thread that has the rights of
   the thread checking (at exit: every key locked).  It would read the
   protected pages and die on the first one.  Two parts keep it working
   without it ever reading a secret:

   - The shared runtime interposes dl_iterate_phdr.  Called from the
     sanitizer's own code (the return address lies in the module that
     defines __lsan_do_leak_check), it reports each writable PT_LOAD
     segment with the protected pages cut out of it, so the global scan
     never reaches them.  Every other caller (unwinders, garbage
     collectors, the program) sees the real program headers: a collector
     that cannot see protected memory would free what only it points to.

   - A heap block whose only pointer is in protected memory is not a
     leak.  Just before each check the sanitizer calls the hook
     __lsan_is_turned_off, which this runtime defines: it opens each key
     for itself, looks for words that point into live heap blocks, and
     keeps the start of each such block (never any other word) in an
     ordinary array that a global of this library points to, where the
     global scan finds it.  The array stays until the next check.

   And it starts first.  With -fsanitize=leak alone (no AddressSanitizer,
   whose interceptors start the sanitizer on first use), LeakSanitizer's
   interceptors of sigaction and friends come before the C library's and
   work only once LeakSanitizer has started, which it does from its own
   initialiser, after ours (units.c starts the runtime first of all):
   the runtime's first sigaction crashed.  pkeyrt_lsan_start_first starts
   it before the runtime.

   Shared runtime only (the interposition needs the dynamic linker; the
   sanitizers need a dynamically linked program anyway).  */

#include "pkeyrt.h"

#ifdef PIC

#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

/* Defined by the sanitizer runtimes; null without one.  */
extern void __lsan_do_leak_check (void) __attribute__ ((weak));
extern const char *__asan_locate_address (void *addr, char *name,
					  size_t name_size,
					  void **region_address,
					  size_t *region_size)
  __attribute__ ((weak));
/* Only the standalone LeakSanitizer defines it.  */
extern void __lsan_init (void) __attribute__ ((weak));

/* Start a standalone LeakSanitizer before the runtime calls anything it
   intercepts.  Its initialiser runs once, whoever calls it first.  */

void
pkeyrt_lsan_start_first (void)
{
  if (__lsan_init)
    __lsan_init ();
}

typedef int phdr_callback (struct dl_phdr_info *, size_t, void *);
typedef int dl_iterate_phdr_fn (phdr_callback *, void *);

/* The C library's dl_iterate_phdr, found once.  */

static dl_iterate_phdr_fn *
real_iterate (void)
{
  static dl_iterate_phdr_fn *real;
  dl_iterate_phdr_fn *fn = __atomic_load_n (&real, __ATOMIC_ACQUIRE);

  if (!fn)
    {
      fn = (dl_iterate_phdr_fn *) pkeyrt_next_symbol ("dl_iterate_phdr");
      __atomic_store_n (&real, fn, __ATOMIC_RELEASE);
    }
  return fn;
}

/* The executable segments of the sanitizer's module, found at the first
   call (which the sanitizer makes before it checks, never from its
   tracer).  No pthread_once: a sanitizer may call dl_iterate_phdr while
   it starts, before its own interceptors (pthread_once's among them)
   work.  Threads that race to fill it in write the same values.  */

#define MAX_CODE 4

struct code
{
  int n;
  uintptr_t start[MAX_CODE], end[MAX_CODE];
};
static struct code sanitizer;
static int sanitizer_known;

static int
find_sanitizer (struct dl_phdr_info *info, size_t size, void *data)
{
  struct code *code = data;
  uintptr_t want = code->start[0];
  int i, hit = 0;

  (void) size;
  for (i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];
      uintptr_t start = info->dlpi_addr + ph->p_vaddr;

      if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)
	  && want >= start && want < start + ph->p_memsz)
	hit = 1;
    }
  if (!hit)
    return 0;
  for (i = 0; i < info->dlpi_phnum && code->n < MAX_CODE; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];

      if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X))
	{
	  code->start[code->n] = info->dlpi_addr + ph->p_vaddr;
	  code->end[code->n] = code->start[code->n] + ph->p_memsz;
	  code->n++;
	}
    }
  return 1;
}

static int
from_sanitizer (uintptr_t ret, dl_iterate_phdr_fn *real)
{
  int i;

  if (!__atomic_load_n (&sanitizer_known, __ATOMIC_ACQUIRE))
    {
      struct code found;

      found.n = 0;
      if (__lsan_do_leak_check)
	{
	  /* FIND_SANITIZER overwrites the address with the first segment.  */
	  found.start[0] = (uintptr_t) &__lsan_do_leak_check;
	  real (find_sanitizer, &found);
	}
      sanitizer = found;
      __atomic_store_n (&sanitizer_known, 1, __ATOMIC_RELEASE);
    }
  for (i = 0; i < sanitizer.n; i++)
    if (ret >= sanitizer.start[i] && ret < sanitizer.end[i])
      return 1;
  return 0;
}

/* Program headers of one module as the sanitizer gets them: at most
   this many.  A module that needs more loses its writable segments
   altogether (the checker then misses pointers and may report a leak
   too many, but reads no secret).  */
#define MAX_PHDRS 128

struct cut
{
  phdr_callback *callback;
  void *data;
};

/* Append to OUT (N used) the part [LO, HI) of segment PH, relative
   addresses.  */

static int
add_piece (ElfW (Phdr) *out, int n, const ElfW (Phdr) *ph,
	   uintptr_t lo, uintptr_t hi)
{
  uintptr_t skip = lo - ph->p_vaddr;

  if (lo >= hi)
    return n;
  if (n >= MAX_PHDRS)
    return -1;
  out[n] = *ph;
  out[n].p_vaddr = lo;
  out[n].p_paddr = ph->p_paddr + skip;
  out[n].p_offset = ph->p_offset + skip;
  out[n].p_memsz = hi - lo;
  out[n].p_filesz = ph->p_filesz > skip ? ph->p_filesz - skip : 0;
  if (out[n].p_filesz > out[n].p_memsz)
    out[n].p_filesz = out[n].p_memsz;
  return n + 1;
}

/* Append segment PH of a module loaded at BASE, less every protected
   page.  Reads the key table without the lock: in the tracer every other
   thread is stopped, and ranges only grow.  */

static int
add_segment (ElfW (Phdr) *out, int n, const ElfW (Phdr) *ph, uintptr_t base)
{
  uintptr_t lo = ph->p_vaddr, hi = ph->p_vaddr + ph->p_memsz;
  uint32_t nkeys = __atomic_load_n (&pkeyrt_nkeys, __ATOMIC_ACQUIRE);
  uint32_t k, r;

  for (;;)
    {
      /* The lowest protected range that overlaps [LO, HI).  */
      uintptr_t cut_lo = hi, cut_hi = hi;

      for (k = 0; k < nkeys; k++)
	{
	  const struct pkeyrt_key *key = &pkeyrt_keys[k];

	  if (key->gate != PKEYPLUG_GATE_HW
	      && key->gate != PKEYPLUG_GATE_EMULATE)
	    continue;
	  for (r = 0; r < key->nranges; r++)
	    {
	      uintptr_t s = key->ranges[r].start - base;
	      uintptr_t e = key->ranges[r].end - base;

	      if (key->ranges[r].start < base || e <= lo || s >= hi)
		continue;
	      if (s < lo)
		s = lo;
	      if (s < cut_lo)
		{
		  cut_lo = s;
		  cut_hi = e;
		}
	    }
	}
      n = add_piece (out, n, ph, lo, cut_lo);
      if (n < 0 || cut_hi >= hi)
	return n;
      lo = cut_hi;
    }
}

static int
cut_protected (struct dl_phdr_info *info, size_t size, void *data)
{
  const struct cut *c = data;
  struct dl_phdr_info copy;
  ElfW (Phdr) out[MAX_PHDRS];
  int i, n = 0, m;

  memset (&copy, 0, sizeof copy);
  if (size > sizeof copy)
    size = sizeof copy;
  memcpy (&copy, info, size);
  for (i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];

      if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W))
	m = add_segment (out, n, ph, info->dlpi_addr);
      else if (n < MAX_PHDRS)
	{
	  out[n] = *ph;
	  m = n + 1;
	}
      else
	m = -1;
      if (m < 0)
	break;
      n = m;
    }
  copy.dlpi_phdr = out;
  copy.dlpi_phnum = (ElfW (Half)) n;
  return c->callback (&copy, size, c->data);
}

PKEYRT_EXPORT int
dl_iterate_phdr (phdr_callback *callback, void *data)
{
  dl_iterate_phdr_fn *real = real_iterate ();
  struct cut c;

  if (!real)
    return 0;
  if (!from_sanitizer ((uintptr_t) __builtin_return_address (0), real))
    return real (callback, data);
  c.callback = callback;
  c.data = data;
  return real (cut_protected, &c);
}

/* The starts of the heap blocks that protected memory points to, for the
   global scan to find.  Volatile: nothing here reads it, the scan does.  */
static void **volatile held_blocks;

/* The heap block that word W points into, or NULL.  */

static void *
block_of (uintptr_t w)
{
  void *start = NULL;
  size_t size = 0;
  const char *kind;

  /* No canonical user-space pointer: most secret words.  */
  if (w < 4096 || w >= ((uintptr_t) 1 << 47))
    return NULL;
  if (__asan_locate_address)
    {
      kind = __asan_locate_address ((void *) w, NULL, 0, &start, &size);
      return kind && strcmp (kind, "heap") == 0 ? start : NULL;
    }
  /* The standalone LeakSanitizer has no such lookup, and its
     __sanitizer_get_ownership takes only pointers it handed out (others
     fail its checks or fault): its report names the blocks that only
     protected memory holds as leaks.  */
  return NULL;
}

/* Key SLOT's protected static ranges, copied under the lock.  */

#define MAX_RANGES 64

static uint32_t
copy_ranges (uint32_t slot, struct pkeyrt_range *out)
{
  const struct pkeyrt_key *key = &pkeyrt_keys[slot];
  pkeyrt_lock_state st;
  uint32_t r, n = 0;

  pkeyrt_lock (&st);
  for (r = 0; r < key->nranges && n < MAX_RANGES; r++)
    if (!key->ranges[r].is_const)
      out[n++] = key->ranges[r];
  pkeyrt_unlock (&st);
  return n;
}

/* Add the heap blocks that key SLOT's pages point to, to BLOCKS (N used,
   *CAP room; grown with malloc).  Returns the new count.  */

static size_t
collect_key (uint32_t slot, void ***blocks, size_t n, size_t *cap)
{
  struct pkeyrt_range ranges[MAX_RANGES];
  struct pkeyrt_window w;
  uint32_t nranges = copy_ranges (slot, ranges), r;

  if (nranges == 0)
    return n;
  pkeyrt_window_open (slot, &w);
  for (r = 0; r < nranges; r++)
    {
      const uintptr_t *p = (const uintptr_t *) ranges[r].start;
      const uintptr_t *end = (const uintptr_t *) ranges[r].end;

      for (; p < end; p++)
	{
	  void *b = block_of (*p);

	  if (!b)
	    continue;
	  if (n == *cap)
	    {
	      size_t bigger = *cap ? 2 * *cap : 64;
	      void **grown = realloc (*blocks, bigger * sizeof *grown);

	      if (!grown)
		break;
	      *blocks = grown;
	      *cap = bigger;
	    }
	  (*blocks)[n++] = b;
	}
    }
  pkeyrt_window_close (slot, &w);
  return n;
}

/* LeakSanitizer calls this right before each leak check, from the thread
   that checks, before it stops the others.  0: do check.  */

PKEYRT_EXPORT int
__lsan_is_turned_off (void)
{
  enum pkeyplug_mode mode = pkeyrt_current_mode ();
  uint32_t nkeys = __atomic_load_n (&pkeyrt_nkeys, __ATOMIC_ACQUIRE);
  void **blocks = NULL;
  size_t n = 0, cap = 0;
  uint32_t slot;

  free (held_blocks);
  held_blocks = NULL;
  if (mode != PKEYPLUG_MODE_HW && mode != PKEYPLUG_MODE_EMULATE)
    return 0;
  for (slot = 0; slot < nkeys; slot++)
    {
      int gate = pkeyrt_keys[slot].gate;

      /* Sealed gates allow no WRPKRU of the runtime's own for a key.  */
      if (gate == PKEYPLUG_GATE_EMULATE
	  || (gate == PKEYPLUG_GATE_HW && !pkeyrt_sealed ()))
	n = collect_key (slot, &blocks, n, &cap);
    }
  held_blocks = blocks;
  return 0;
}

#else /* !PIC */

void
pkeyrt_lsan_start_first (void)
{
}

#endif /* PIC */
