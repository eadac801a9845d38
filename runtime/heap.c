/* heap.c -- heap secrets: pkeyplug_malloc, pkeyplug_calloc,
   pkeyplug_realloc and pkeyplug_free.

   The blocks of key NAME live in arenas: mappings that hold blocks of that
   key and nothing else, with an inaccessible guard page (PROT_NONE, no
   key) on each side, locked in memory as far as RLIMIT_MEMLOCK allows
   (mlock failures are ignored, as sodium_malloc does) and left out of core
   dumps.  Their pages are tagged with the key's hardware key in hw mode;
   in emulate mode they join the key's range list, so that the gates open
   and close them exactly like the key's static objects.  Off mode keeps
   the layout and protects nothing.

   A small arena has ARENA_PAGES pages.  Each page serves blocks of one
   size class (16 to 2048 bytes, powers of two) and goes back to the pool
   when its last block is freed; small arenas stay for the life of the
   process.  A bigger request gets an arena of its own, with the block at
   its end so that an overflow runs into the guard page at once; freeing
   it unmaps the arena.

   All bookkeeping lives in ordinary memory, so managing blocks never needs
   the key.  Only zeroing a freed block and copying on realloc touch the
   protected pages: the runtime opens the key for the calling thread around
   them and closes it again at once, and clears the registers the copy
   went through first (__pkeyplug_scrub_regs, scrub.c).  Since freed memory is zeroed and new
   pages are zero, every block starts zeroed.

   heap_lock guards everything here; a thread that holds it may take
   pkeyrt_lock, never the other way round.  The SIGSEGV handler reads the
   arena records without a lock: records are never freed or moved, only
   reused for new big arenas.  */

#include "pkeyrt.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define PAGE PKEYPLUG_PAGE_SIZE

/* Data pages of a small arena.  */
#define ARENA_PAGES 16

/* Size classes: 16 << 0 ... 16 << (NCLASSES - 1) bytes.  16 keeps every
   block aligned like malloc's.  */
#define MIN_SHIFT 4
#define NCLASSES 8
#define SMALL_MAX ((size_t) 1 << (MIN_SHIFT + NCLASSES - 1))
#define SLAB_BLOCKS (PAGE >> MIN_SHIFT)

/* Larger requests cannot be mapped anyway; refusing them early keeps the
   size arithmetic below from overflowing.  */
#define BIG_MAX (SIZE_MAX / 4)

#define ROUND16(n) (((n) + 15) & ~(size_t) 15)

/* One page of a small arena.  */
struct slab
{
  uint32_t block_size;		/* 0 while the page serves no class.  */
  uint32_t nlive;
  uint64_t live[SLAB_BLOCKS / 64];	/* Bit I: block I is allocated.  */
  uint16_t size[SLAB_BLOCKS];	/* What was asked for block I.  */
};

struct arena
{
  struct arena *older;		/* Every record ever made, for the report.  */
  struct arena *next;		/* The key's small arenas, or spare records.  */
  uintptr_t start, end;		/* The data pages, between the guards.  */
  uint32_t slot;		/* The key.  */
  int in_use;			/* Zero for a spare record.  */
  size_t big_size;		/* A big arena's block: what was asked.  */
  struct slab *slabs;		/* A small arena's pages; NULL if big.  */
};

/* Per key: its small arenas and, per class, the page that served last.
   With harden=1, also the address range reserved for its arenas
   (pkeyrt_heap_reserve), handed out from NEXT upwards.  */
struct heap_key
{
  struct arena *small;
  struct arena *hint_arena[NCLASSES];
  uint32_t hint_page[NCLASSES];
  uintptr_t reserve_start, reserve_end, reserve_next;
};

/* harden=1: the address space reserved per key.  Only reserved, never
   committed, so it costs no memory.  */
#define RESERVE_BYTES ((uintptr_t) 16 << 30)

/* A live block, as free and realloc find it.  */
struct block
{
  struct arena *arena;
  struct slab *slab;		/* NULL for a big block.  */
  uint32_t index;		/* Its index in SLAB.  */
  uintptr_t addr;
  size_t size;			/* What was asked.  */
  size_t capacity;		/* What it may grow to in place.  */
};

static pthread_mutex_t heap_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t heap_once = PTHREAD_ONCE_INIT;
static struct heap_key heap_keys[PKEYRT_MAX_KEYS];
static struct arena *all_arenas;	/* Newest first; read by the handler.  */
static struct arena *spare_arenas;

/* In-use arenas sorted by address, for free and realloc.  */
static struct arena **by_addr;
static size_t narenas, by_addr_alloc;

/* A child of fork must find heap_lock free.  Registered after the
   emulation's handlers, so the prepare handlers run in lock order.  */

static void
lock_heap (void)
{
  pthread_mutex_lock (&heap_lock);
}

static void
unlock_heap (void)
{
  pthread_mutex_unlock (&heap_lock);
}

static void
heap_start (void)
{
  pthread_atfork (lock_heap, unlock_heap, unlock_heap);
}

/* Start this file (api.c has started the runtime).  */

static void
start (void)
{
  pthread_once (&heap_once, heap_start);
}

/* Say that FN was passed a pointer it cannot take, and abort.  */

static void __attribute__ ((noreturn, format (printf, 2, 3)))
misuse (const char *fn, const char *fmt, ...)
{
  char buf[256];
  va_list ap;

  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  pkeyrt_abort ("%s: %s", fn, buf);
}

/* Opening a key for the runtime's own accesses.  */

/* Zero LEN bytes at ADDR, in the pages of key SLOT.  */

static void
zero_protected (uint32_t slot, uintptr_t addr, size_t len)
{
  struct pkeyrt_window w;

  pkeyrt_window_open (slot, &w);
  explicit_bzero ((void *) addr, len);
  pkeyrt_window_close (slot, &w);
}

/* Key names: [A-Za-z_][A-Za-z0-9_]*, at most PKEYPLUG_NAME_MAX long, as
   the plugin accepts them.  */

static int
valid_name (const char *name)
{
  size_t i;

  if (name == NULL)
    return 0;
  for (i = 0; name[i] != '\0'; i++)
    {
      char c = name[i];
      int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		   || c == '_';

      if (i == PKEYPLUG_NAME_MAX
	  || !(letter || (i > 0 && c >= '0' && c <= '9')))
	return 0;
    }
  return i > 0;
}

/* The slot of key NAME, made now if no unit has registered it.  -1 with
   errno set when NAME is malformed or no key is left.  */

static int
key_slot (const char *name)
{
  pkeyrt_lock_state st;
  int slot, err;

  if (!valid_name (name))
    {
      errno = EINVAL;
      return -1;
    }
  pkeyrt_lock (&st);
  if (pkeyrt_sealed ())
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL, "pkeyplug_malloc with gates=sealed: "
		  "heap secrets are not supported with sealed gates yet "
		  "(the runtime opens their keys itself to clear and copy "
		  "blocks, which the ledger does not allow)");
  pkeyrt_note_heap_used ();
  slot = pkeyrt_find_key (name);
  if (slot < 0)
    {
      slot = pkeyrt_new_key (name, NULL);
      if (slot >= 0 && pkeyrt_config->opt.verbose)
	{
	  const struct pkeyrt_key *key = &pkeyrt_keys[slot];

	  if (key->gate == PKEYPLUG_GATE_HW)
	    pkeyrt_note ("key '%s' -> hw key %d, made by pkeyplug_malloc",
			 name, key->hw_key);
	  else
	    pkeyrt_note ("key '%s' -> %s, made by pkeyplug_malloc", name,
			 key->gate == PKEYPLUG_GATE_NONE
			 ? "not protected (mode off)"
			 : pkeyrt_current_mode () == PKEYPLUG_MODE_HW
			 ? "emulated (no hw key left, overflow=emulate)"
			 : "emulated");
	}
    }
  err = errno;
  pkeyrt_unlock (&st);
  pkeyrt_sync_threads ();
  errno = err;
  return slot;
}

/* Arena records and the address index.  */

/* A record to fill, or NULL.  */

static struct arena *
new_record (void)
{
  struct arena *a = spare_arenas;

  if (a != NULL)
    {
      spare_arenas = a->next;
      return a;
    }
  a = calloc (1, sizeof *a);
  if (a == NULL)
    return NULL;
  a->older = all_arenas;
  __atomic_store_n (&all_arenas, a, __ATOMIC_RELEASE);
  return a;
}

static void
spare_record (struct arena *a)
{
  __atomic_store_n (&a->in_use, 0, __ATOMIC_RELEASE);
  a->next = spare_arenas;
  spare_arenas = a;
}

/* Room in by_addr for one more arena: the insertion cannot fail later.  */

static int
reserve_index (void)
{
  size_t n;
  struct arena **p;

  if (narenas < by_addr_alloc)
    return 0;
  n = by_addr_alloc ? 2 * by_addr_alloc : 16;
  p = realloc (by_addr, n * sizeof *p);
  if (p == NULL)
    return -1;
  by_addr = p;
  by_addr_alloc = n;
  return 0;
}

/* The first index of by_addr whose arena starts at or above ADDR.  */

static size_t
index_at (uintptr_t addr)
{
  size_t lo = 0, hi = narenas;

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;

      if (by_addr[mid]->start < addr)
	lo = mid + 1;
      else
	hi = mid;
    }
  return lo;
}

static void
index_insert (struct arena *a)
{
  size_t i = index_at (a->start);

  memmove (&by_addr[i + 1], &by_addr[i], (narenas - i) * sizeof *by_addr);
  by_addr[i] = a;
  narenas++;
}

static void
index_remove (struct arena *a)
{
  size_t i = index_at (a->start);

  memmove (&by_addr[i], &by_addr[i + 1], (narenas - i - 1) * sizeof *by_addr);
  narenas--;
}

/* The arena whose data pages hold ADDR, or NULL.  */

static struct arena *
find_arena (uintptr_t addr)
{
  size_t i = index_at (addr + 1);
  struct arena *a;

  if (i == 0)
    return NULL;
  a = by_addr[i - 1];
  return addr >= a->start && addr < a->end ? a : NULL;
}

/* Mapping and unmapping arenas.  */

/* Fill record A with an arena of NPAGES data pages for key SLOT, taken
   from the key's reserved range (harden=1).  Those pages are tagged with
   the key already and PROT_NONE; the seccomp filter lets exactly one
   change through: pkey_mprotect to read+write with the same key.  Nothing
   is ever given back (munmap and mprotect are refused there).  */

static struct arena *
map_reserved_arena (struct arena *a, uint32_t slot, size_t npages)
{
  struct heap_key *hk = &heap_keys[slot];
  struct pkeyrt_key *key = &pkeyrt_keys[slot];
  size_t len = npages * PAGE;
  uintptr_t start = hk->reserve_next + PAGE;
  struct pkeyrt_window w;

  if ((hk->reserve_end - hk->reserve_next) / PAGE < npages + 2
      || pkeyrt_pkey_mprotect ((void *) start, len, PROT_READ | PROT_WRITE,
			       key->hw_key) != 0)
    {
      spare_record (a);
      errno = ENOMEM;
      return NULL;
    }
  /* The lower guard page, and the upper one that the next arena's lower
     guard page is, stay PROT_NONE.  */
  hk->reserve_next += len + PAGE;
  {
    struct pkeyrt_range r = { start, start + len, 0 };

    pkeyrt_verify_range (key, &r, "a heap arena of key '%s'", key->name);
  }
  /* mlock faults the pages in, through the key: open it for that.  */
  pkeyrt_window_open (slot, &w);
  (void) mlock ((void *) start, len);
  pkeyrt_window_close (slot, &w);
  {
    pkeyrt_lock_state lk;

    pkeyrt_lock (&lk);
    pkeyrt_add_range (key, start, start + len, 0);
    pkeyrt_unlock (&lk);
  }

  a->next = NULL;
  a->start = start;
  a->end = start + len;
  a->slot = slot;
  a->big_size = 0;
  a->slabs = NULL;
  index_insert (a);
  return a;
}

/* A new arena of NPAGES data pages for key SLOT, in use and indexed, or
   NULL with errno ENOMEM.  */

static struct arena *
map_arena (uint32_t slot, size_t npages)
{
  struct pkeyrt_key *key = &pkeyrt_keys[slot];
  size_t len = npages * PAGE;
  struct pkeyrt_range range;
  pkeyrt_lock_state st;
  struct arena *a;
  char *base;
  int rc = 0;

  if (reserve_index () != 0 || (a = new_record ()) == NULL)
    {
      errno = ENOMEM;
      return NULL;
    }
  if (heap_keys[slot].reserve_start != 0)
    return map_reserved_arena (a, slot, npages);
  base = mmap (NULL, len + 2 * PAGE, PROT_NONE,
	       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED)
    {
      spare_record (a);
      errno = ENOMEM;
      return NULL;
    }
  range.start = (uintptr_t) base + PAGE;
  range.end = range.start + len;
  range.is_const = 0;

  /* Writable while nobody knows the pages, so that mlock faults them in
     (it cannot through PROT_NONE).  */
  if (mprotect ((void *) range.start, len, PROT_READ | PROT_WRITE) != 0)
    rc = -1;
  if (rc == 0)
    {
      (void) mlock ((void *) range.start, len);
      pkeyrt_exclude_from_dump (base, len + 2 * PAGE);

      /* Under pkeyrt_lock, so that no grant changes the key's protection
	 between our mprotect and the range joining the list.  */
      pkeyrt_lock (&st);
      if (key->gate == PKEYPLUG_GATE_HW)
	rc = pkeyrt_pkey_mprotect ((void *) range.start, len,
				   PROT_READ | PROT_WRITE, key->hw_key);
      else if (key->gate == PKEYPLUG_GATE_EMULATE)
	rc = mprotect ((void *) range.start, len,
		       pkeyrt_emulate_range_prot (key->prot, &range));
      if (rc == 0)
	{
	  pkeyrt_verify_range (key, &range, "a heap arena of key '%s'",
			       key->name);
	  pkeyrt_add_range (key, range.start, range.end, 0);
	}
      pkeyrt_unlock (&st);
    }
  if (rc != 0)
    {
      munmap (base, len + 2 * PAGE);
      spare_record (a);
      errno = ENOMEM;
      return NULL;
    }

  a->next = NULL;
  a->start = range.start;
  a->end = range.end;
  a->slot = slot;
  a->big_size = 0;
  a->slabs = NULL;
  index_insert (a);
  return a;
}

/* Unmap big arena A, whose block is zeroed already.  */

static void
unmap_arena (struct arena *a)
{
  pkeyrt_lock_state st;

  /* The range leaves the key's list first: the emulation must never
     mprotect pages that are gone, or that a later mmap reused.  */
  pkeyrt_lock (&st);
  pkeyrt_remove_range (&pkeyrt_keys[a->slot], a->start, a->end);
  pkeyrt_unlock (&st);
  index_remove (a);
  spare_record (a);
  /* harden=1 refuses munmap of protected memory: the zeroed pages stay
     mapped and tagged, and are not used again.  */
  if (!pkeyrt_harden_active ())
    munmap ((void *) (a->start - PAGE), a->end - a->start + 2 * PAGE);
}

/* Small blocks.  */

/* The class of a request of N <= SMALL_MAX bytes.  */

static unsigned int
class_of (size_t n)
{
  unsigned int c = 0;

  while (((size_t) 16 << c) < n)
    c++;
  return c;
}

static uint32_t
slab_capacity (const struct slab *s)
{
  return PAGE / s->block_size;
}

/* A page of key HK for blocks of class C with a free block: the last one
   used, else the first page of that class with room, else the first page
   of no class.  Return 0 if there is none.  */

static int
find_page (struct heap_key *hk, unsigned int c, struct arena **ap,
	   uint32_t *pagep)
{
  uint32_t size = (uint32_t) 16 << c, page;
  struct arena *a, *empty_arena = NULL;
  uint32_t empty_page = 0;

  a = hk->hint_arena[c];
  if (a != NULL)
    {
      struct slab *s = &a->slabs[hk->hint_page[c]];

      if (s->block_size == size && s->nlive < slab_capacity (s))
	{
	  *ap = a;
	  *pagep = hk->hint_page[c];
	  return 1;
	}
    }
  for (a = hk->small; a != NULL; a = a->next)
    for (page = 0; page < ARENA_PAGES; page++)
      {
	struct slab *s = &a->slabs[page];

	if (s->block_size == size && s->nlive < slab_capacity (s))
	  {
	    *ap = a;
	    *pagep = page;
	    return 1;
	  }
	if (s->block_size == 0 && empty_arena == NULL)
	  {
	    empty_arena = a;
	    empty_page = page;
	  }
      }
  *ap = empty_arena;
  *pagep = empty_page;
  return empty_arena != NULL;
}

static void *
small_alloc (uint32_t slot, size_t n)
{
  struct heap_key *hk = &heap_keys[slot];
  unsigned int c = class_of (n);
  struct arena *a;
  struct slab *s;
  uint32_t page, i, w;

  if (!find_page (hk, c, &a, &page))
    {
      struct slab *slabs = calloc (ARENA_PAGES, sizeof *slabs);

      if (slabs == NULL)
	{
	  errno = ENOMEM;
	  return NULL;
	}
      a = map_arena (slot, ARENA_PAGES);
      if (a == NULL)
	{
	  free (slabs);
	  return NULL;
	}
      a->slabs = slabs;
      a->next = hk->small;
      hk->small = a;
      __atomic_store_n (&a->in_use, 1, __ATOMIC_RELEASE);
      page = 0;
    }
  s = &a->slabs[page];
  if (s->block_size == 0)
    s->block_size = (uint32_t) 16 << c;

  for (w = 0; ~s->live[w] == 0; w++)
    ;
  i = w * 64 + (uint32_t) __builtin_ctzll (~s->live[w]);
  /* The size first: the handler trusts a live bit.  */
  s->size[i] = (uint16_t) n;
  __atomic_store_n (&s->live[w], s->live[w] | (1ull << (i % 64)),
		    __ATOMIC_RELEASE);
  s->nlive++;
  hk->hint_arena[c] = a;
  hk->hint_page[c] = page;
  return (void *) (a->start + (uintptr_t) page * PAGE
		   + (uintptr_t) i * s->block_size);
}

/* Big blocks: the block ends where the arena does.  */

static uintptr_t
big_block (const struct arena *a)
{
  return a->end - ROUND16 (a->big_size);
}

static void *
big_alloc (uint32_t slot, size_t n)
{
  struct arena *a = map_arena (slot, (ROUND16 (n) + PAGE - 1) / PAGE);

  if (a == NULL)
    return NULL;
  a->big_size = n;
  __atomic_store_n (&a->in_use, 1, __ATOMIC_RELEASE);
  return (void *) big_block (a);
}

/* Allocate N bytes of key SLOT.  Called with heap_lock held.  */

static void *
alloc_locked (uint32_t slot, size_t n)
{
  if (n > BIG_MAX)
    {
      errno = ENOMEM;
      return NULL;
    }
  return n <= SMALL_MAX ? small_alloc (slot, n) : big_alloc (slot, n);
}

/* Finding and freeing blocks.  */

/* Fill B with the live block P, or abort saying why FN cannot take P.
   Called with heap_lock held.  */

static void
find_block (const char *fn, void *p, struct block *b)
{
  uintptr_t addr = (uintptr_t) p, off;
  struct arena *a = find_arena (addr);
  const char *key;
  struct slab *s;

  if (a == NULL)
    misuse (fn, "%p is not a live block of pkeyplug_malloc "
	    "(a foreign pointer, or one freed already)", p);
  key = pkeyrt_keys[a->slot].name;
  b->arena = a;
  b->addr = addr;

  if (a->slabs == NULL)
    {
      uintptr_t start = big_block (a);

      if (addr < start)
	misuse (fn, "%p points %llu bytes before a block of key '%s', not "
		"to its start", p, (unsigned long long) (start - addr), key);
      if (addr != start)
	misuse (fn, "%p points %llu bytes into a block of key '%s', not to "
		"its start", p, (unsigned long long) (addr - start), key);
      b->slab = NULL;
      b->index = 0;
      b->size = a->big_size;
      b->capacity = ROUND16 (a->big_size);
      return;
    }

  off = addr - a->start;
  s = &a->slabs[off / PAGE];
  off %= PAGE;
  b->slab = s;
  if (s->block_size != 0)
    {
      b->index = (uint32_t) (off / s->block_size);
      if (s->live[b->index / 64] & (1ull << (b->index % 64)))
	{
	  if (off % s->block_size != 0)
	    misuse (fn, "%p points %llu bytes into a block of key '%s', "
		    "not to its start", p,
		    (unsigned long long) (off % s->block_size), key);
	  b->size = s->size[b->index];
	  b->capacity = s->block_size;
	  return;
	}
    }
  misuse (fn, "%p is not a live block of key '%s' (freed already?)", p,
	  key);
}

/* Free block B, whose contents are zeroed already.  */

static void
release_block (const struct block *b)
{
  struct slab *s = b->slab;

  if (s == NULL)
    {
      unmap_arena (b->arena);
      return;
    }
  __atomic_store_n (&s->live[b->index / 64],
		    s->live[b->index / 64] & ~(1ull << (b->index % 64)),
		    __ATOMIC_RELEASE);
  s->size[b->index] = 0;
  if (--s->nlive == 0)
    s->block_size = 0;
}

/* What <pkeyplug.h> promises (api.c exports it).  */

void *
pkeyrt_heap_malloc (const char *name, size_t n)
{
  int slot;
  void *p;

  start ();
  pthread_mutex_lock (&heap_lock);
  slot = key_slot (name);
  p = slot < 0 ? NULL : alloc_locked ((uint32_t) slot, n);
  pthread_mutex_unlock (&heap_lock);
  return p;
}

void
pkeyrt_heap_free (void *p)
{
  struct block b;

  start ();
  pthread_mutex_lock (&heap_lock);
  find_block ("pkeyplug_free", p, &b);
  /* All of it: the program may have written past what it asked for.  */
  zero_protected (b.arena->slot, b.addr, b.capacity);
  release_block (&b);
  pthread_mutex_unlock (&heap_lock);
}

/* Does a block of N bytes fit where B is?  Only in B's own class, so
   that shrinking a big block still gives its pages back.  */

static int
fits_in_place (const struct block *b, size_t n)
{
  if (b->slab != NULL)
    return n <= SMALL_MAX && ((size_t) 16 << class_of (n)) == b->capacity;
  return n > SMALL_MAX && ROUND16 (n) == b->capacity;
}

void *
pkeyrt_heap_realloc (void *p, size_t n)
{
  uint32_t slot;
  struct pkeyrt_window w;
  struct block b;
  void *q;

  start ();
  pthread_mutex_lock (&heap_lock);
  find_block ("pkeyplug_realloc", p, &b);
  slot = b.arena->slot;

  if (fits_in_place (&b, n))
    {
      /* What the block no longer holds must not linger.  */
      if (n < b.size)
	zero_protected (slot, b.addr + n, b.size - n);
      if (b.slab != NULL)
	b.slab->size[b.index] = (uint16_t) n;
      else
	b.arena->big_size = n;
      pthread_mutex_unlock (&heap_lock);
      return p;
    }

  q = alloc_locked (slot, n);
  if (q == NULL)
    {
      pthread_mutex_unlock (&heap_lock);
      return NULL;
    }
  pkeyrt_window_open (slot, &w);
  memcpy (q, p, n < b.size ? n : b.size);
  explicit_bzero (p, b.capacity);
  /* memcpy left pieces of the block in vector and general registers: clear
     them before the key closes, as a closing grant does.  An external
     call, so the compiler keeps the copy before it.  */
  __pkeyplug_scrub_regs ();
  pkeyrt_window_close (slot, &w);
  release_block (&b);
  pthread_mutex_unlock (&heap_lock);
  return q;
}

/* harden=1: reserve an address range for each key's future arenas,
   tagged with the key, so that the filter can name it.  Keys made later
   are refused while the filter is in place (pkeyrt_new_key).  */

void
pkeyrt_heap_reserve (void)
{
  pkeyrt_lock_state lk;
  uint32_t slot;

  start ();
  pthread_mutex_lock (&heap_lock);
  pkeyrt_lock (&lk);
  for (slot = 0; slot < pkeyrt_nkeys; slot++)
    {
      struct heap_key *hk = &heap_keys[slot];
      void *base;

      if (hk->reserve_start != 0)
	continue;
      base = mmap (NULL, RESERVE_BYTES, PROT_NONE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (base == MAP_FAILED
	  || pkeyrt_pkey_mprotect (base, RESERVE_BYTES, PROT_NONE,
				   pkeyrt_keys[slot].hw_key) != 0)
	pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: cannot reserve the "
		      "heap of key '%s': %s", pkeyrt_keys[slot].name,
		      strerror (errno));
      pkeyrt_exclude_from_dump (base, RESERVE_BYTES);
      hk->reserve_next = hk->reserve_start = (uintptr_t) base;
      hk->reserve_end = hk->reserve_start + RESERVE_BYTES;
    }
  pkeyrt_unlock (&lk);
  pthread_mutex_unlock (&heap_lock);
}

/* Call ADD for every heap range the filter must guard: each reservation
   (SLOT its key) and each arena made before them, guard pages included
   (SLOT -1).  */

void
pkeyrt_heap_ranges (void (*add) (uintptr_t, uintptr_t, int))
{
  uint32_t slot;
  size_t i;

  pthread_mutex_lock (&heap_lock);
  for (slot = 0; slot < pkeyrt_nkeys; slot++)
    if (heap_keys[slot].reserve_start != 0)
      add (heap_keys[slot].reserve_start, heap_keys[slot].reserve_end,
	   (int) slot);
  for (i = 0; i < narenas; i++)
    {
      const struct arena *a = by_addr[i];

      if (heap_keys[a->slot].reserve_start == 0
	  || a->start < heap_keys[a->slot].reserve_start
	  || a->start >= heap_keys[a->slot].reserve_end)
	add (a->start - PAGE, a->end + PAGE, -1);
    }
  pthread_mutex_unlock (&heap_lock);
}

/* For the violation report, from the SIGSEGV handler: no lock, no
   allocation.  Describe where ADDR lies in the arenas in HIT and return
   1, or return 0 if it lies in none.  */

int
pkeyrt_heap_find (uintptr_t addr, struct pkeyrt_heap_hit *hit)
{
  const struct arena *a;

  for (a = __atomic_load_n (&all_arenas, __ATOMIC_ACQUIRE); a != NULL;
       a = a->older)
    {
      uintptr_t start, end, off;
      const struct slab *s;
      uint32_t bsize;

      if (!__atomic_load_n (&a->in_use, __ATOMIC_ACQUIRE))
	continue;
      start = a->start;
      end = a->end;
      if (addr < start - PAGE || addr >= end + PAGE)
	continue;

      hit->slot = a->slot;
      hit->place = PKEYRT_HEAP_ARENA;
      hit->offset = (int64_t) (addr - start);
      hit->size = end - start;
      if (addr < start || addr >= end)
	hit->place = PKEYRT_HEAP_GUARD;
      else if (a->slabs == NULL)
	{
	  if (addr >= big_block (a))
	    {
	      hit->place = PKEYRT_HEAP_BLOCK;
	      hit->offset = (int64_t) (addr - big_block (a));
	      hit->size = a->big_size;
	    }
	}
      else
	{
	  /* Read once: another thread may be changing the page.  */
	  s = &a->slabs[(addr - start) / PAGE];
	  off = (addr - start) % PAGE;
	  bsize = __atomic_load_n (&s->block_size, __ATOMIC_RELAXED);
	  if (bsize != 0)
	    {
	      uint32_t i = (uint32_t) (off / bsize);

	      if (__atomic_load_n (&s->live[i / 64], __ATOMIC_ACQUIRE)
		  & (1ull << (i % 64)))
		{
		  hit->place = PKEYRT_HEAP_BLOCK;
		  hit->offset = (int64_t) (off % bsize);
		  hit->size = s->size[i];
		}
	    }
	}
      return 1;
    }
  return 0;
}
