/* keys.c -- the process's key table: every key name, how it is
   enforced, its policy and the pages it protects; and the module
   descriptors of the keys, as units fill them.

   The table is guarded by pkeyrt_lock.  Everything above reads it; only
   start-up and unit registration (init.c) and new heap keys (newkey.c)
   add to it.  */

#include "pkeyrt.h"

#include <stdlib.h>
#include <string.h>

struct pkeyrt_key pkeyrt_keys[PKEYRT_MAX_KEYS];
uint32_t pkeyrt_nkeys;

/* The slot of key NAME, or -1.  Called with pkeyrt_lock held.  */

int
pkeyrt_find_key (const char *name)
{
  uint32_t i;

  for (i = 0; i < pkeyrt_nkeys; i++)
    if (strcmp (pkeyrt_keys[i].name, name) == 0)
      return (int) i;
  return -1;
}

/* The rights (PKEYRT_DISABLE_*) a thread has on a key of POLICY outside
   granting functions; an unknown policy is noaccess until stated.  */

unsigned int
pkeyrt_policy_rights (int policy)
{
  if (policy == PKEYPLUG_POLICY_READONLY)
    return PKEYRT_DISABLE_WRITE;
  return PKEYRT_DISABLE_ACCESS | PKEYRT_DISABLE_WRITE;
}

/* Does entry E state its key's policy?  */

int
pkeyrt_states_policy (const struct pkeyplug_unit_entry *e)
{
  return e->kind == PKEYPLUG_ENTRY_KEY
	 && (e->flags & PKEYPLUG_KEY_POLICY_KNOWN) != 0;
}

/* Record the policy entry E states for KEY, which had none.  */

void
pkeyrt_set_policy (struct pkeyrt_key *key, const struct pkeyplug_unit_entry *e)
{
  key->policy = (int) e->policy;
  key->policy_file = e->file;
  key->policy_line = e->line;
}

/* Number of keys of the table that have a hardware key.  */

uint32_t
pkeyrt_hw_key_count (void)
{
  uint32_t i, n = 0;

  for (i = 0; i < pkeyrt_nkeys; i++)
    n += pkeyrt_keys[i].gate == PKEYPLUG_GATE_HW;
  return n;
}

/* Add pages [START, END) to KEY's ranges, merging with ranges of the same
   kind that overlap or touch.  Called with pkeyrt_lock held.  */

void
pkeyrt_add_range (struct pkeyrt_key *key, uintptr_t start, uintptr_t end,
		  int is_const)
{
  uint32_t i = 0;

  while (i < key->nranges)
    {
      struct pkeyrt_range *r = &key->ranges[i];

      if (r->is_const == is_const && r->start <= end && start <= r->end)
	{
	  if (r->start < start)
	    start = r->start;
	  if (r->end > end)
	    end = r->end;
	  /* Drop R; the merged range is added below.  */
	  *r = key->ranges[--key->nranges];
	  continue;
	}
      i++;
    }

  if (key->nranges == key->ranges_alloc)
    {
      uint32_t n = key->ranges_alloc ? 2 * key->ranges_alloc : 8;
      void *p = realloc (key->ranges, n * sizeof *key->ranges);

      if (p == NULL)
	pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "out of memory");
      key->ranges = p;
      key->ranges_alloc = n;
    }
  key->ranges[key->nranges].start = start;
  key->ranges[key->nranges].end = end;
  key->ranges[key->nranges].is_const = is_const;
  key->nranges++;
}

/* Drop pages [START, END), which pkeyrt_add_range added as a range of
   their own (a heap arena, with a guard page on each side so that it
   touches no other range), from KEY's ranges.  Called with pkeyrt_lock
   held, before the pages are unmapped.  */

void
pkeyrt_remove_range (struct pkeyrt_key *key, uintptr_t start, uintptr_t end)
{
  uint32_t i;

  for (i = 0; i < key->nranges; i++)
    if (key->ranges[i].start == start && key->ranges[i].end == end)
      {
	key->ranges[i] = key->ranges[--key->nranges];
	return;
      }
}

/* Descriptor pages, noted as units fill them (init.c); harden=1 guards
   them, sealed gates refill them.  */
static uintptr_t *descriptors;
static size_t ndescriptors, descriptors_alloc;

/* Called with pkeyrt_lock held.  */

void
pkeyrt_add_descriptor (const void *desc)
{
  descriptors = pkeyrt_grow (descriptors, &descriptors_alloc,
			     ndescriptors + 1, sizeof *descriptors,
			     PKEYPLUG_EXIT_SETUP, "the descriptor list");
  descriptors[ndescriptors++] = (uintptr_t) desc;
}

/* Call FN on every descriptor filled so far.  Called with pkeyrt_lock
   held.  */

void
pkeyrt_each_descriptor (void (*fn) (struct pkeyplug_key_desc *))
{
  size_t n;

  for (n = 0; n < ndescriptors; n++)
    fn ((struct pkeyplug_key_desc *) descriptors[n]);
}

/* The descriptor page N (of pkeyrt_descriptor_count).  Called with
   pkeyrt_lock held.  */

uintptr_t
pkeyrt_descriptor_page (size_t n)
{
  return descriptors[n];
}

size_t
pkeyrt_descriptor_count (void)
{
  return ndescriptors;
}

/* Has pkeyplug_malloc made or used a key?  Sealed gates cannot start
   then.  Under pkeyrt_lock.  */
static int heap_used;

int
pkeyrt_heap_used (void)
{
  return heap_used;
}


void
pkeyrt_note_heap_used (void)
{
  heap_used = 1;
}
