/* units.c -- start the runtime before any other code runs, and find
   every unit without waiting for its constructor.

   A unit's constructor runs late: after the constructors of the shared
   libraries its module depends on, of LD_PRELOAD libraries, and of its
   own module at a lower priority, any of which could read its secrets
   first.  So the runtime starts earlier still, and finds the units
   itself: each unit's note (pkeyplug-abi.h) says where its table is, and
   dl_iterate_phdr shows the notes of every module loaded (PT_NOTE; no
   section headers needed).

   - libpkeyrt.so is linked with -z initfirst: the dynamic linker runs its
     initialisers before those of every other object, the program's
     .preinit_array included.  That is before the C library's own
     initialiser, so start-up takes the environment from the initialiser's
     arguments (environ is not set yet).  glibc honours one such object,
     the last it maps: another one mapped after libpkeyrt stops the
     program.
   - libpkeyrt.a (a static program, or a dynamic one that links the
     runtime in): a .preinit_array entry, which runs before every
     initialiser of every shared library and before the program's own
     .init_array; only preinit entries of objects linked before
     libpkeyrt.a come first.
   - A module loaded later (dlopen): its units register when the first
     constructor of any unit runs in that dlopen, which registers every
     new unit of every module then loaded; constructors of the module's
     new dependencies built without the plugin, run before that, are not
     covered.

   Each table registers once, found through its note or from its
   constructor, whichever comes first; the constructor also covers a unit
   without a note (-mcmodel=large).  A table at an address registered
   before is a new one if a module was unloaded since (dlclose) and its
   first descriptor is not sealed: a module loaded again at the same
   address registers again.  */

#include "pkeyrt.h"

#include <elf.h>
#include <link.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* A unit table found through a note.  */
struct found
{
  const struct pkeyplug_unit_entry *entries;
  uint32_t count;
  uint32_t abi_version;
};

struct sweep
{
  struct found *found;
  size_t nfound, alloc;
};

/* The tables registered so far, sorted by address, each with the count
   of unloaded modules (dl_phdr_info's dlpi_subs) when it was last known
   to be registered.  Guarded by units_lock, which is held across a
   registration: a check and the registration it decides on are one
   step.  */
struct record
{
  uintptr_t table;
  unsigned long long subs;
};

static pthread_mutex_t units_lock = PTHREAD_MUTEX_INITIALIZER;
static struct record *registered;
static size_t nregistered, registered_alloc;

static int
read_subs (struct dl_phdr_info *info, size_t size, void *arg)
{
  if (size >= offsetof (struct dl_phdr_info, dlpi_subs)
	      + sizeof info->dlpi_subs)
    *(unsigned long long *) arg = info->dlpi_subs;
  return 1;
}

/* How many modules were unloaded so far.  */

static unsigned long long
unloads (void)
{
  unsigned long long subs = 0;

  dl_iterate_phdr (read_subs, &subs);
  return subs;
}

/* The index at which TABLE is, or would be, in REGISTERED.  */

static size_t
position (uintptr_t table)
{
  size_t lo = 0, hi = nregistered;

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;

      if (registered[mid].table < table)
	lo = mid + 1;
      else
	hi = mid;
    }
  return lo;
}

/* Is the table ENTRIES (COUNT entries) registered?  SUBS is unloads ().
   After an unload the address may hold another module's table: it is
   the registered one if its first descriptor (a key entry comes first)
   is filled and read-only, as registration leaves it; a descriptor that
   only looks filled is writable.  */

static int
is_registered (const struct pkeyplug_unit_entry *entries, uint32_t count,
	       unsigned long long subs)
{
  size_t i = position ((uintptr_t) entries);
  const struct pkeyplug_key_desc *desc;

  if (i == nregistered || registered[i].table != (uintptr_t) entries)
    return 0;
  /* In mode off no descriptor is ever filled, and nothing is protected
     that a second registration could protect better.  */
  if (registered[i].subs == subs
      || pkeyrt_current_mode () == PKEYPLUG_MODE_OFF)
    return 1;
  desc = count > 0 ? entries[0].desc : NULL;
  if (desc == NULL
      || (desc->gate != PKEYPLUG_GATE_NONE
	  && pkeyrt_refuses_write ((uintptr_t) desc)))
    {
      registered[i].subs = subs;
      return 1;
    }
  return 0;
}

static void
mark_registered (uintptr_t table, unsigned long long subs)
{
  size_t i = position (table);

  if (i < nregistered && registered[i].table == table)
    {
      registered[i].subs = subs;
      return;
    }
  registered = pkeyrt_grow (registered, &registered_alloc, nregistered + 1,
			    sizeof *registered, PKEYPLUG_EXIT_SETUP,
			    "start-up");
  memmove (&registered[i + 1], &registered[i],
	   (nregistered - i) * sizeof *registered);
  registered[i].table = table;
  registered[i].subs = subs;
  nregistered++;
}

/* Collect unit note DESC (DESCSZ bytes) of module INFO.  */

static int
read_note (const void *desc, uint32_t descsz,
	   const struct dl_phdr_info *info, void *arg)
{
  struct sweep *sw = arg;
  struct pkeyplug_unit_note note;
  struct found *f;

  if (descsz != sizeof note)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "bad unit note in %s: %u bytes, "
		  "not %zu (a unit built for another ABI?)",
		  info->dlpi_name[0] ? info->dlpi_name : "the program",
		  descsz, sizeof note);
  memcpy (&note, desc, sizeof note);
  sw->found = pkeyrt_grow (sw->found, &sw->alloc, sw->nfound + 1,
			   sizeof *sw->found, PKEYPLUG_EXIT_SETUP,
			   "start-up");
  f = &sw->found[sw->nfound++];
  f->entries = (const struct pkeyplug_unit_entry *)
	       ((uintptr_t) desc + (uintptr_t) note.table);
  f->count = note.count;
  f->abi_version = note.abi_version;
  return 0;
}

static int
collect (struct dl_phdr_info *info, size_t size, void *arg)
{
  (void) size;
  pkeyrt_each_note (info, PKEYPLUG_NOTE_UNIT, read_note, arg);
  return 0;
}

/* Register every unit of every loaded module that is not registered
   yet.  Called with units_lock held.  The notes are collected first and
   registered after: registration must not run under the dynamic linker's
   lock that dl_iterate_phdr holds.  */

static void
sweep (unsigned long long subs)
{
  struct sweep sw;
  size_t i;

  memset (&sw, 0, sizeof sw);
  dl_iterate_phdr (collect, &sw);
  for (i = 0; i < sw.nfound; i++)
    {
      const struct found *f = &sw.found[i];

      if (is_registered (f->entries, f->count, subs))
	continue;
      pkeyrt_register_table (f->entries, f->count, f->abi_version);
      mark_registered ((uintptr_t) f->entries, subs);
    }
  free (sw.found);
}

/* Start the runtime with the environment ENV and register every unit
   loaded so far.  */

static void
start_early (char **env)
{
  pkeyrt_lsan_start_first ();
  pkeyrt_start_env (env);
  pthread_mutex_lock (&units_lock);
  sweep (unloads ());
  pthread_mutex_unlock (&units_lock);
}

/* Called by the constructor of each unit compiled with the plugin.  A
   unit not registered yet was loaded after start-up (dlopen), or the
   runtime did not start first: register it, with every other new unit,
   now.  */

PKEYRT_EXPORT void
__pkeyplug_register_unit (const struct pkeyplug_unit_entry *entries,
			  uint32_t count, uint32_t abi_version)
{
  unsigned long long subs;

  pkeyrt_start ();
  pthread_mutex_lock (&units_lock);
  subs = unloads ();
  if (!is_registered (entries, count, subs))
    {
      sweep (subs);
      /* A unit without a note.  */
      if (!is_registered (entries, count, subs))
	{
	  pkeyrt_register_table (entries, count, abi_version);
	  mark_registered ((uintptr_t) entries, subs);
	}
    }
  pthread_mutex_unlock (&units_lock);
}

#ifdef PIC

/* Does the module INFO have DF_1_INITFIRST?  */

static int
has_initfirst (const struct dl_phdr_info *info)
{
  size_t i;

  for (i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_DYNAMIC)
      {
	const ElfW(Dyn) *d = (const ElfW(Dyn) *)
			     (info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);

	for (; d->d_tag != DT_NULL; d++)
	  if (d->d_tag == DT_FLAGS_1)
	    return (d->d_un.d_val & DF_1_INITFIRST) != 0;
      }
  return 0;
}

struct initfirst_search
{
  uintptr_t self;		/* An address in libpkeyrt.  */
  int seen_self;
  const char *other;		/* A later module with DF_1_INITFIRST.  */
};

static int
find_later_initfirst (struct dl_phdr_info *info, size_t size, void *arg)
{
  struct initfirst_search *s = arg;
  size_t i;

  (void) size;
  if (s->seen_self)
    {
      if (has_initfirst (info))
	{
	  s->other = info->dlpi_name;
	  return 1;
	}
      return 0;
    }
  for (i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *p = &info->dlpi_phdr[i];
      uintptr_t start = info->dlpi_addr + p->p_vaddr;

      if (p->p_type == PT_LOAD && s->self >= start
	  && s->self - start < p->p_memsz)
	s->seen_self = 1;
    }
  return 0;
}

/* glibc runs the initialisers of one object with DF_1_INITFIRST first:
   the last one it mapped.  A module with it mapped after libpkeyrt (a
   dependency listed after it) ran before the runtime started and could
   read every secret: refuse to go on.  */

static void
check_initfirst (void)
{
  struct initfirst_search s = { (uintptr_t) &check_initfirst, 0, NULL };

  dl_iterate_phdr (find_later_initfirst, &s);
  if (s.other != NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "%s is linked with -z initfirst "
		  "too and was loaded after libpkeyrt: its initialisers ran "
		  "before the runtime's, with every secret unprotected; "
		  "refusing to run", s.other);
}

/* The first initialiser of the process (-z initfirst).  Like every
   initialiser it gets the program's arguments and environment.  */

static void __attribute__ ((constructor))
initfirst (int argc, char **argv, char **env)
{
  (void) argc;
  (void) argv;
  check_initfirst ();
  start_early (env);
  /* harden.c waits for the program's constructors, through main.  */
  if (pkeyrt_config->opt.harden)
    pkeyrt_harden_at_init ();
}

#else /* !PIC */

static void
preinit (int argc, char **argv, char **env)
{
  (void) argc;
  (void) argv;
  start_early (env);
}
__attribute__ ((section (".preinit_array"), used))
static void (*preinit_entry) (int, char **, char **) = preinit;

/* After the units' constructors (which find their units registered),
   before the program's constructors of default priority.  */

static void __attribute__ ((constructor (PKEYPLUG_RUNTIME_INIT_PRIORITY)))
harden_at_init (void)
{
  pkeyrt_start ();
  if (pkeyrt_config->opt.harden)
    pkeyrt_harden_at_init ();
}

#endif /* PIC */
