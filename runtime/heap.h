/* heap.h -- what heap.c (blocks) and arena.c (the arenas that hold
   them) share.  */

#ifndef PKEYRT_HEAP_H
#define PKEYRT_HEAP_H

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

extern pthread_mutex_t pkeyrt_heap_lock;
extern struct heap_key pkeyrt_heap_keys[PKEYRT_MAX_KEYS];
extern void pkeyrt_heap_start (void);
extern struct arena *pkeyrt_map_arena (uint32_t slot, size_t npages);
extern void pkeyrt_unmap_arena (struct arena *a);
extern struct arena *pkeyrt_find_arena (uintptr_t addr);
extern uintptr_t pkeyrt_big_block (const struct arena *a);

#endif /* PKEYRT_HEAP_H */
