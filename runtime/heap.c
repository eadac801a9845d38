/* heap.c -- heap secrets: the blocks behind pkeyplug_malloc, pkeyplug_calloc,
   pkeyplug_realloc and pkeyplug_free (api.c exports them).

   Blocks of key NAME live in the key's arenas (arena.c).  A small arena
   has ARENA_PAGES pages.  Each page serves blocks of one size class (16
   to 2048 bytes, powers of two) and goes back to the pool when its last
   block is freed; small arenas stay for the life of the process.  A
   bigger request gets an arena of its own, with the block at its end so
   that an overflow runs into the guard page at once; freeing it unmaps
   the arena.

   All bookkeeping lives in ordinary memory, so managing blocks never needs
   the key.  Only zeroing a freed block and copying on realloc touch the
   protected pages: the runtime opens the key for the calling thread around
   them and closes it again at once, and clears the registers the copy
   went through first (__pkeyplug_scrub_regs, scrub.c).  Since freed memory
   is zeroed and new pages are zero, every block starts zeroed.

   pkeyrt_heap_lock (arena.c) guards everything here.  */

#include "pkeyrt.h"
#include "heap.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
  struct heap_key *hk = &pkeyrt_heap_keys[slot];
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
      a = pkeyrt_map_arena (slot, ARENA_PAGES);
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

/* Big blocks: the block ends where the arena does (pkeyrt_big_block).  */

static void *
big_alloc (uint32_t slot, size_t n)
{
  struct arena *a = pkeyrt_map_arena (slot, (ROUND16 (n) + PAGE - 1) / PAGE);

  if (a == NULL)
    return NULL;
  a->big_size = n;
  __atomic_store_n (&a->in_use, 1, __ATOMIC_RELEASE);
  return (void *) pkeyrt_big_block (a);
}

/* Allocate N bytes of key SLOT.  Called with pkeyrt_heap_lock held.  */

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
   Called with pkeyrt_heap_lock held.  */

static void
find_block (const char *fn, void *p, struct block *b)
{
  uintptr_t addr = (uintptr_t) p, off;
  struct arena *a = pkeyrt_find_arena (addr);
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
      uintptr_t start = pkeyrt_big_block (a);

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
      pkeyrt_unmap_arena (b->arena);
      return;
    }
  __atomic_store_n (&s->live[b->index / 64],
		    s->live[b->index / 64] & ~(1ull << (b->index % 64)),
		    __ATOMIC_RELEASE);
  s->size[b->index] = 0;
  if (--s->nlive == 0)
    s->block_size = 0;
}

/* Start the heap (api.c has started the runtime).  */

static void
start (void)
{
  pkeyrt_heap_start ();
}

/* What <pkeyplug.h> promises (api.c exports it).  */

void *
pkeyrt_heap_malloc (const char *name, size_t n)
{
  int slot;
  void *p;

  start ();
  pthread_mutex_lock (&pkeyrt_heap_lock);
  slot = key_slot (name);
  p = slot < 0 ? NULL : alloc_locked ((uint32_t) slot, n);
  pthread_mutex_unlock (&pkeyrt_heap_lock);
  return p;
}

void
pkeyrt_heap_free (void *p)
{
  struct block b;

  start ();
  pthread_mutex_lock (&pkeyrt_heap_lock);
  find_block ("pkeyplug_free", p, &b);
  /* All of it: the program may have written past what it asked for.  */
  zero_protected (b.arena->slot, b.addr, b.capacity);
  release_block (&b);
  pthread_mutex_unlock (&pkeyrt_heap_lock);
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
  pthread_mutex_lock (&pkeyrt_heap_lock);
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
      pthread_mutex_unlock (&pkeyrt_heap_lock);
      return p;
    }

  q = alloc_locked (slot, n);
  if (q == NULL)
    {
      pthread_mutex_unlock (&pkeyrt_heap_lock);
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
  pthread_mutex_unlock (&pkeyrt_heap_lock);
  return q;
}

