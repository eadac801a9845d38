/* emulate.c -- protection keys emulated with mprotect, for machines
   without PKU.

   Each thread has virtual rights on each key (none, read, read+write) in a
   TLS array; the gates raise them with __pkeyplug_emulate_open and lower
   them again with __pkeyplug_emulate_close.  Page protection is
   process-wide, so a key's pages get the most any thread holds: read+write
   while some thread holds write, read while some thread holds read, else
   the key's locked protection (PROT_NONE for noaccess, PROT_READ for
   readonly).  Counting holders per key means one thread's close never
   shuts pages another thread still uses.  The price is that while any
   thread holds a grant, every thread can reach the pages: the emulation
   catches stray accesses outside grants, it does not isolate threads.

   A grant the thread already holds (a nested or recursive granting
   function) returns at once: no lock, no system call.  The slow path
   holds pkeyrt_lock with every signal blocked (lock.c), so a signal
   handler may run granting functions whatever its thread was doing.

   In hw mode with overflow=emulate, the keys that found no hardware key
   are emulated here too; each key's gate says which it is.  */

#include "pkeyrt.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

/* This thread's PKEYRT_LEVEL_* per key slot.  initial-exec: the gates'
   fast path must not go through __tls_get_addr.  */
static __thread uint8_t held[PKEYRT_MAX_KEYS]
  __attribute__ ((tls_model ("initial-exec")));

/* Protection of KEY's pages while no thread holds a grant on it.  */

int
pkeyrt_emulate_locked_prot (const struct pkeyrt_key *key)
{
  return key->policy == PKEYPLUG_POLICY_READONLY ? PROT_READ : PROT_NONE;
}

/* Protection KEY's pages should have now.  */

static int
wanted_prot (const struct pkeyrt_key *key)
{
  if (key->nwriters > 0)
    return PROT_READ | PROT_WRITE;
  if (key->nreaders > 0)
    return PROT_READ;
  return pkeyrt_emulate_locked_prot (key);
}

/* Protection of RANGE when its key's pages have KEY_PROT: objects in
   read-only sections never become writable.  */

int
pkeyrt_emulate_range_prot (int key_prot, const struct pkeyrt_range *range)
{
  return range->is_const ? key_prot & ~PROT_WRITE : key_prot;
}

/* Give KEY's pages the protection its holders call for.  Called with
   pkeyrt_lock held.  */

void
pkeyrt_emulate_sync (struct pkeyrt_key *key)
{
  int prot = wanted_prot (key);
  uint32_t i;

  if (prot == key->prot)
    return;
  for (i = 0; i < key->nranges; i++)
    {
      const struct pkeyrt_range *r = &key->ranges[i];
      int old_prot = pkeyrt_emulate_range_prot (key->prot, r);
      int new_prot = pkeyrt_emulate_range_prot (prot, r);

      if (old_prot != new_prot
	  && mprotect ((void *) r->start, r->end - r->start, new_prot) != 0)
	pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		      "cannot change the protection of key '%s': %s",
		      key->name, strerror (errno));
    }
  key->prot = prot;
}

/* Move this thread to LEVEL on key SLOT.  */

static void
set_level (uint32_t slot, unsigned int level)
{
  struct pkeyrt_key *key = &pkeyrt_keys[slot];
  pkeyrt_lock_state st;

  pkeyrt_lock (&st);
  switch (held[slot])
    {
    case PKEYRT_LEVEL_READ:
      key->nreaders--;
      break;
    case PKEYRT_LEVEL_WRITE:
      key->nwriters--;
      break;
    default:
      break;
    }
  switch (level)
    {
    case PKEYRT_LEVEL_READ:
      key->nreaders++;
      break;
    case PKEYRT_LEVEL_WRITE:
      key->nwriters++;
      break;
    default:
      break;
    }
  held[slot] = (uint8_t) level;
  pkeyrt_emulate_sync (key);
  pkeyrt_unlock (&st);
}

/* Is key SLOT emulated?  The gate is set before any descriptor or heap
   block of the key exists, and never changes.  */

int
pkeyrt_emulated_slot_p (uint32_t slot)
{
  return slot < PKEYRT_MAX_KEYS
	 && pkeyrt_keys[slot].gate == PKEYPLUG_GATE_EMULATE;
}

/* Is DESC an emulated key's descriptor that this runtime filled?  The key
   table decides, not the descriptor alone: in a hw process most keys are
   not emulated.  */

static inline int
emulated_p (const struct pkeyplug_key_desc *desc)
{
  return desc->gate == PKEYPLUG_GATE_EMULATE
	 && pkeyrt_emulated_slot_p (desc->slot);
}

/* A thread that ends while it holds a grant (pthread_exit or
   cancellation inside a granting function) would leave its count behind
   and the pages open for everyone: a thread-specific destructor gives its
   grants back.  */

static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void
release_on_exit (void *unused)
{
  (void) unused;
  pkeyrt_emulate_release_thread ();
}

static void
make_exit_key (void)
{
  pthread_key_create (&exit_key, release_on_exit);
}

/* Called when this thread takes its first grant.  */

static void
watch_thread_exit (void)
{
  pthread_once (&exit_key_once, make_exit_key);
  pthread_setspecific (exit_key, (void *) 1);
}

/* Grant GRANT (PKEYPLUG_GRANT_*) on DESC's key to this thread.  Return the
   token for __pkeyplug_emulate_close: the level held before.  */

PKEYRT_EXPORT uint32_t
__pkeyplug_emulate_open (const struct pkeyplug_key_desc *desc, uint32_t grant)
{
  unsigned int level, prev;
  uint32_t slot;

  if (!emulated_p (desc))
    return 0;
  slot = desc->slot;
  level = ((grant & PKEYPLUG_GRANT_WRITE) ? PKEYRT_LEVEL_WRITE
	   : (grant & PKEYPLUG_GRANT_READ) ? PKEYRT_LEVEL_READ
	   : PKEYRT_LEVEL_NONE);
  prev = held[slot];
  if (level <= prev)
    return prev;
  if (prev == PKEYRT_LEVEL_NONE)
    watch_thread_exit ();
  set_level (slot, level);
  return prev;
}

/* Return this thread to the level TOKEN that __pkeyplug_emulate_open gave
   back.  */

PKEYRT_EXPORT void
__pkeyplug_emulate_close (const struct pkeyplug_key_desc *desc,
			  uint32_t token)
{
  uint32_t slot;

  if (!emulated_p (desc) || token > PKEYRT_LEVEL_WRITE)
    return;
  slot = desc->slot;
  if (held[slot] == token)
    return;
  set_level (slot, token);
}

/* The close of a unit compiled to scrub.  In assembly, so that it keeps
   nothing on the stack across the scrubbing: a nested grant's close is a
   plain close; the outermost one's (TOKEN 0: no level held before, or a
   key the runtime has not set up) closes, clears the registers if HOW
   says so, and jumps to the stack scrubber, which clears below this
   function's return address: the frames of the close and of the granting
   function's callees.  */

extern void pkeyrt_emulate_close (const struct pkeyplug_key_desc *desc,
				  uint32_t token)
  __attribute__ ((alias ("__pkeyplug_emulate_close")));
extern void pkeyrt_scrub_stack (uint32_t bytes);

__asm__ ("\t.text\n"
	 "\t.globl __pkeyplug_emulate_close_scrub\n"
	 "\t.type __pkeyplug_emulate_close_scrub, @function\n"
	 "__pkeyplug_emulate_close_scrub:\n"
	 "\t.cfi_startproc\n"
	 "\ttestl %esi, %esi\n"
	 "\tjnz pkeyrt_emulate_close\n"
	 "\tpushq %rdx\n"
	 "\t.cfi_adjust_cfa_offset 8\n"
	 "\tcall pkeyrt_emulate_close\n"
	 "\tmovl (%rsp), %edi\n"
	 "\ttestl $" PKEYRT_STRINGIFY (PKEYPLUG_SCRUB_REGS) ", %edi\n"
	 "\tjz 1f\n"
	 "\tcall __pkeyplug_scrub_regs@PLT\n"
	 "\tmovl (%rsp), %edi\n"
	 "1:\tpopq %rdx\n"
	 "\t.cfi_adjust_cfa_offset -8\n"
	 "\tandl $~" PKEYRT_STRINGIFY (PKEYPLUG_SCRUB_REGS) ", %edi\n"
	 "\tjnz pkeyrt_scrub_stack\n"
	 "\tret\n"
	 "\t.cfi_endproc\n"
	 "\t.size __pkeyplug_emulate_close_scrub, "
	 ".-__pkeyplug_emulate_close_scrub\n");

/* The runtime's own grants (heap.c zeroes and copies blocks): raise the
   calling thread to at least LEVEL on key SLOT, and return the token for
   pkeyrt_emulate_lower, the level held before.  Never call them with
   pkeyrt_lock held.  */

unsigned int
pkeyrt_emulate_raise (uint32_t slot, unsigned int level)
{
  unsigned int prev = held[slot];

  if (level > prev)
    set_level (slot, level);
  return prev;
}

void
pkeyrt_emulate_lower (uint32_t slot, unsigned int token)
{
  if (held[slot] != token)
    set_level (slot, token);
}

/* The calling thread ends: give back every grant it still holds.  */

void
pkeyrt_emulate_release_thread (void)
{
  uint32_t i;

  for (i = 0; i < PKEYRT_MAX_KEYS; i++)
    if (held[i] != PKEYRT_LEVEL_NONE)
      set_level (i, PKEYRT_LEVEL_NONE);
}

/* Copy this thread's levels into LEVELS (PKEYRT_MAX_KEYS bytes).  */

void
pkeyrt_emulate_snapshot (uint8_t *levels)
{
  memcpy (levels, held, PKEYRT_MAX_KEYS);
}

/* Move this thread back down to the levels a snapshot took.  Only down:
   the snapshot is in writable memory (a setjmp save area), and a level
   it holds above the thread's own would be a grant nobody gave.  */

void
pkeyrt_emulate_restore (const uint8_t *levels)
{
  uint32_t i;

  for (i = 0; i < PKEYRT_MAX_KEYS; i++)
    if (levels[i] < held[i])
      set_level (i, levels[i]);
}

/* fork: keep pkeyrt_lock consistent across it, and in the child forget
   the grants of the threads that did not come along.  */

static void
before_fork (void)
{
  pkeyrt_lock_for_fork ();
}

static void
after_fork_parent (void)
{
  pkeyrt_unlock_after_fork ();
}

static void
after_fork_child (void)
{
  uint32_t i;

  for (i = 0; i < pkeyrt_nkeys; i++)
    {
      struct pkeyrt_key *key = &pkeyrt_keys[i];

      if (key->gate != PKEYPLUG_GATE_EMULATE)
	continue;
      key->nreaders = held[i] == PKEYRT_LEVEL_READ;
      key->nwriters = held[i] == PKEYRT_LEVEL_WRITE;
      pkeyrt_emulate_sync (key);
    }
  pkeyrt_unlock_after_fork ();
}

/* Called once at start-up in emulate mode, and in hw mode with
   overflow=emulate.  */

void
pkeyrt_emulate_start (void)
{
  pthread_atfork (before_fork, after_fork_parent, after_fork_child);
}
