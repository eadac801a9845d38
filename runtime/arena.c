/* arena.c -- the arenas of heap secrets (heap.c serves blocks from them).

   An arena is a mapping that holds blocks of one key and nothing else,
   with an inaccessible guard page (PROT_NONE, no key) on each side,
   locked in memory as far as RLIMIT_MEMLOCK allows and left out of core
   dumps.  Its pages carry the key's hardware key in hw mode; in emulate
   mode they join the key's ranges, so that the gates open and close them
   exactly like the key's static objects.  With harden=1 each key's arenas
   come from an address range reserved for it at start-up, which the
   filter can name.

   Records of arenas are never freed or moved, only reused for new big
   arenas: the SIGSEGV handler reads them without a lock to say where a
   violation hit (pkeyrt_heap_find).  pkeyrt_heap_lock guards everything
   else here and in heap.c; a thread that holds it may take pkeyrt_lock,
   never the other way round.  */

#include "pkeyrt.h"
#include "heap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

pthread_mutex_t pkeyrt_heap_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t heap_once = PTHREAD_ONCE_INIT;
struct heap_key pkeyrt_heap_keys[PKEYRT_MAX_KEYS];
static struct arena *all_arenas;	/* Newest first; read by the handler.  */
static struct arena *spare_arenas;

/* In-use arenas sorted by address, for free and realloc.  */
static struct arena **by_addr;
static size_t narenas, by_addr_alloc;

/* A child of fork must find pkeyrt_heap_lock free.  Registered after the
   emulation's handlers, so the prepare handlers run in lock order.  */

static void
lock_heap (void)
{
  pthread_mutex_lock (&pkeyrt_heap_lock);
}

static void
unlock_heap (void)
{
  pthread_mutex_unlock (&pkeyrt_heap_lock);
}

static void
heap_start (void)
{
  pthread_atfork (lock_heap, unlock_heap, unlock_heap);
}

/* Start the heap: once, before its first use.  */

void
pkeyrt_heap_start (void)
{
  pthread_once (&heap_once, heap_start);
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

struct arena *
pkeyrt_find_arena (uintptr_t addr)
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
  struct heap_key *hk = &pkeyrt_heap_keys[slot];
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

struct arena *
pkeyrt_map_arena (uint32_t slot, size_t npages)
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
  if (pkeyrt_heap_keys[slot].reserve_start != 0)
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

void
pkeyrt_unmap_arena (struct arena *a)
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

/* Big blocks: the block ends where the arena does.  */

uintptr_t
pkeyrt_big_block (const struct arena *a)
{
  return a->end - ROUND16 (a->big_size);
}

/* harden=1: reserve an address range for each key's future arenas,
   tagged with the key, so that the filter can name it.  Keys made later
   are refused while the filter is in place (pkeyrt_new_key).  */

void
pkeyrt_heap_reserve (void)
{
  pkeyrt_lock_state lk;
  uint32_t slot;

  pkeyrt_heap_start ();
  pthread_mutex_lock (&pkeyrt_heap_lock);
  pkeyrt_lock (&lk);
  for (slot = 0; slot < pkeyrt_nkeys; slot++)
    {
      struct heap_key *hk = &pkeyrt_heap_keys[slot];
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
  pthread_mutex_unlock (&pkeyrt_heap_lock);
}

/* Call ADD for every heap range the filter must guard: each reservation
   (SLOT its key) and each arena made before them, guard pages included
   (SLOT -1).  */

void
pkeyrt_heap_ranges (void (*add) (uintptr_t, uintptr_t, int))
{
  uint32_t slot;
  size_t i;

  pthread_mutex_lock (&pkeyrt_heap_lock);
  for (slot = 0; slot < pkeyrt_nkeys; slot++)
    if (pkeyrt_heap_keys[slot].reserve_start != 0)
      add (pkeyrt_heap_keys[slot].reserve_start,
	   pkeyrt_heap_keys[slot].reserve_end,
	   (int) slot);
  for (i = 0; i < narenas; i++)
    {
      const struct arena *a = by_addr[i];

      if (pkeyrt_heap_keys[a->slot].reserve_start == 0
	  || a->start < pkeyrt_heap_keys[a->slot].reserve_start
	  || a->start >= pkeyrt_heap_keys[a->slot].reserve_end)
	add (a->start - PAGE, a->end + PAGE, -1);
    }
  pthread_mutex_unlock (&pkeyrt_heap_lock);
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
	  if (addr >= pkeyrt_big_block (a))
	    {
	      hit->place = PKEYRT_HEAP_BLOCK;
	      hit->offset = (int64_t) (addr - pkeyrt_big_block (a));
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
