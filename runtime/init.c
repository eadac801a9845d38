/* init.c -- start the runtime and register the units the plugin built.

   The runtime starts once per process, before any other code of the
   process runs where it can (units.c says when), or else from the first
   call that needs it.  Start-up reads PKEYPLUG_OPTIONS, picks the mode
   and installs the violation handler.

   pkeyrt_register_table maps each key name to a slot of a process-wide
   table (the same name in several units or modules is the same key),
   allocates a hardware key for it in hw mode, fills and seals each
   module's descriptor of the key, and protects the unit's objects.  A
   dlopen may register from any thread, so all of this holds pkeyrt_lock.

   Each key records how it is enforced (its gate).  In hw mode a key that
   finds no free hardware key stops the program (overflow=fail, the
   default) or is emulated with mprotect (overflow=emulate) while the
   others stay in hardware.  */

#include "pkeyrt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
/* The environment the first caller of pkeyrt_start_env passed.  */
static char **start_env;

static const char *
policy_name (int policy)
{
  switch (policy)
    {
    case PKEYPLUG_POLICY_NOACCESS:
      return "noaccess";
    case PKEYPLUG_POLICY_READONLY:
      return "readonly";
    default:
      return "unknown";
    }
}

static const char *
plural (uint64_t n)
{
  return n == 1 ? "" : "s";
}

/* Run once: choose the mode and get ready to register units.  */

static void
start (void)
{
  struct pkeyrt_options opts;
  const char *reason = NULL;
  enum pkeyplug_mode mode;
  int have_pku = 0;

  pkeyrt_parse_options (&opts, start_env);
  pkeyrt_config_set_options (&opts);

  pkeyrt_refuse_second_copy ();

  /* The plugin lays data out for 4 KiB pages.  */
  if (sysconf (_SC_PAGESIZE) != PKEYPLUG_PAGE_SIZE)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "the page size is %ld, not %d",
		  sysconf (_SC_PAGESIZE), PKEYPLUG_PAGE_SIZE);

  switch (opts.request)
    {
    case PKEYRT_REQUEST_HW:
      if (!(have_pku = pkeyrt_hw_probe (&reason)))
	pkeyrt_fatal (PKEYPLUG_EXIT_NO_PKU, "mode=hw requested but %s",
		      reason);
      mode = PKEYPLUG_MODE_HW;
      break;
    case PKEYRT_REQUEST_EMULATE:
      mode = PKEYPLUG_MODE_EMULATE;
      break;
    case PKEYRT_REQUEST_OFF:
      mode = PKEYPLUG_MODE_OFF;
      break;
    case PKEYRT_REQUEST_AUTO:
    default:
      have_pku = pkeyrt_hw_probe (&reason);
      mode = have_pku ? PKEYPLUG_MODE_HW : PKEYPLUG_MODE_EMULATE;
      break;
    }

  /* The filter cannot tell the emulation's own mprotects from an
     attacker's, and the emulation's gates are plain calls anyway.  */
  if (pkeyrt_config->opt.harden && mode != PKEYPLUG_MODE_HW)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN,
		  "harden=1 needs hw mode (real PKU), but the mode is %s: %s",
		  pkeyrt_mode_name (mode),
		  mode == PKEYPLUG_MODE_EMULATE
		  ? "the emulation changes page protections with mprotect at "
		    "every grant"
		  : "nothing is protected");
  if (pkeyrt_config->opt.harden && pkeyrt_config->opt.overflow_emulate)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN,
		  "harden=1 and overflow=emulate exclude each other: the "
		  "emulated keys change page protections with mprotect at "
		  "every grant");

  if (mode != PKEYPLUG_MODE_OFF)
    pkeyrt_install_handler (pkeyrt_report_fault);
  if (mode == PKEYPLUG_MODE_HW)
    {
      pkeyrt_defaults_start ();
      pkeyrt_guard_pkey_set ();
    }
  /* The thread that starts the runtime (usually the only one so far)
     locks its keys when it calls exit; pthread_create sees to the
     others.  */
  if (mode != PKEYPLUG_MODE_OFF)
    pkeyrt_lock_at_thread_exit ();
  if (mode == PKEYPLUG_MODE_EMULATE
      || (mode == PKEYPLUG_MODE_HW && opts.overflow_emulate))
    pkeyrt_emulate_start ();
  if (mode != PKEYPLUG_MODE_OFF && opts.report_continue)
    pkeyrt_step_start ();
  pkeyrt_config_set_mode (mode);

  /* Not only with verbose=1: the option does less than its name says.  */
  if (mode == PKEYPLUG_MODE_HW && opts.report_continue)
    pkeyrt_note ("report=continue-in-emulate: mode is hw, so a violation "
		 "of a hardware key still ends the process; only emulated "
		 "keys (overflow=emulate) continue");

  if (pkeyrt_config->opt.verbose)
    {
      const char *busy = have_pku == PKEYRT_HW_NO_FREE_KEY
			 ? ", no hardware key free now" : "";

      if (mode == PKEYPLUG_MODE_HW && opts.overflow_emulate)
	pkeyrt_note ("mode hw (PKU present%s; keys beyond the free hardware "
		     "keys are emulated, overflow=emulate)", busy);
      else if (mode == PKEYPLUG_MODE_HW)
	pkeyrt_note ("mode hw (PKU present%s)", busy);
      else if (mode == PKEYPLUG_MODE_OFF)
	pkeyrt_note ("mode off (requested; nothing is protected)");
      else if (opts.request == PKEYRT_REQUEST_EMULATE)
	pkeyrt_note ("mode emulate (requested)");
      else
	pkeyrt_note ("mode emulate (no PKU: %s)", reason);
    }

  /* Every module the program started with is mapped by now.  */
  pkeyrt_scan_process ();
  pkeyrt_config_freeze ();
}

void
pkeyrt_start (void)
{
  pthread_once (&start_once, start);
}

/* Start with the environment array ENV (the one an initialiser gets),
   for a start before the C library has set environ (units.c).  */

void
pkeyrt_start_env (char **env)
{
  if (start_env == NULL)
    start_env = env;
  pthread_once (&start_once, start);
}

/* Make a new slot for the key of entry E.  Return -1 if no key is left
   for it, for the caller to name every key that did not fit; stop the
   program on any other failure.  */

static int
new_key (const struct pkeyplug_unit_entry *e)
{
  int slot = pkeyrt_new_key (e->key, e);

  if (slot < 0 && errno == ENOSPC && pkeyrt_nkeys >= PKEYRT_MAX_KEYS)
    pkeyrt_fatal (PKEYPLUG_EXIT_NO_KEYS,
		  "too many keys: key '%s' does not fit in the runtime's "
		  "table of %d keys", e->key, PKEYRT_MAX_KEYS);
  if (slot < 0 && pkeyrt_harden_active ())
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN,
		  "harden=1: key '%s' of unit %s is new, but the filter is "
		  "in place already", e->key, e->file);
  if (slot < 0 && errno != ENOSPC)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "cannot allocate a protection key for key '%s': %s",
		  e->key, strerror (errno));
  return slot;
}

/* Stop the program: the NMISSING keys of the unit's entries ENTRIES
   (COUNT of them) that are not in the key table found no hardware key.
   Name them all, and say how many keys were free for us: the hardware
   keys the runtime holds, since it took every one it could get.  */

static void __attribute__ ((noreturn))
out_of_keys (const struct pkeyplug_unit_entry *entries, uint32_t count,
	     uint32_t nmissing)
{
  char names[640];
  size_t len = 0;
  uint32_t i, j, listed = 0, nfree = pkeyrt_hw_key_count ();

  names[0] = '\0';
  for (i = 0; i < count; i++)
    {
      const char *name = entries[i].key;
      int seen = 0;

      if (pkeyrt_find_key (name) >= 0)
	continue;
      for (j = 0; j < i && !seen; j++)
	seen = strcmp (entries[j].key, name) == 0;
      if (seen)
	continue;
      if (len + strlen (name) + 8 >= sizeof names)
	{
	  snprintf (names + len, sizeof names - len, ", ...");
	  break;
	}
      len += snprintf (names + len, sizeof names - len, "%s'%s'",
		       listed > 0 ? ", " : "", name);
      listed++;
    }
  pkeyrt_fatal (PKEYPLUG_EXIT_NO_KEYS,
		"out of protection keys: %s %s %s not fit (%u hardware key%s "
		"%s free; PKEYPLUG_OPTIONS=overflow=emulate emulates the "
		"rest)", nmissing == 1 ? "key" : "keys", names,
		nmissing == 1 ? "does" : "do", nfree, plural (nfree),
		nfree == 1 ? "was" : "were");
}

/* The descriptor's C layout agrees with the plugin's record.  */
PKEYPLUG_KEY_DESC_CHECK;

/* Write KEY's settings into the module's descriptor DESC and make it
   read-only: the gates trust what it says.  Another unit of the module
   may have done so already.  */

static void
fill_descriptor (struct pkeyplug_key_desc *desc, struct pkeyrt_key *key,
		 uint32_t slot, const char *file)
{
  unsigned int shift = 2 * (unsigned int) key->hw_key;

  /* Off mode leaves the gates as they are: no-ops.  */
  if (desc == NULL || key->gate == PKEYPLUG_GATE_NONE)
    return;

  if (desc->gate != PKEYPLUG_GATE_NONE)
    {
      if (desc->slot != slot)
	pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		      "bad unit %s: the descriptor of key '%s' already "
		      "belongs to key '%s'", file, key->name,
		      desc->slot < pkeyrt_nkeys
		      ? pkeyrt_keys[desc->slot].name : "?");
      return;
    }
  if (PKEYRT_PAGE_FLOOR (desc) != (uintptr_t) desc)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "bad unit %s: the descriptor of key '%s' is not "
		  "page-aligned", file, key->name);
  if (desc->name[0] != '\0'
      && strncmp (desc->name, key->name, sizeof desc->name) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "bad unit %s: the descriptor of key '%s' is named '%.64s'",
		  file, key->name, desc->name);

  if (key->gate == PKEYPLUG_GATE_HW)
    {
      desc->gate = PKEYPLUG_GATE_HW;
      desc->keep_rw = ~(3u << shift);
      desc->keep_ro = ~(1u << shift);
      desc->ad_bit = 1u << shift;
      if (pkeyrt_sealed ())
	pkeyrt_seal_fill (desc);
    }
  else
    {
      desc->gate = PKEYPLUG_GATE_EMULATE;
      desc->keep_rw = 0xffffffffu;
      desc->keep_ro = 0xffffffffu;
      desc->ad_bit = 0;
    }
  desc->slot = slot;

  if (pkeyrt_harden_active ())
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN,
		  "harden=1: unit %s brings a descriptor of key '%s' after "
		  "the filter is in place", file, key->name);
  pkeyrt_add_descriptor (desc);
  if (mprotect (desc, PKEYPLUG_PAGE_SIZE, PROT_READ) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "cannot make the descriptor of key '%s' read-only: %s",
		  key->name, strerror (errno));
  pkeyrt_verify ((uintptr_t) desc, 1, 0, "making the descriptor of key "
		 "'%s' read-only", key->name);
}

/* Find or make the slot of the key of entry E; take the policy E states,
   if any; fill E's descriptor.  Return -1 if no key is left for it.  */

static int
use_key (const struct pkeyplug_unit_entry *e)
{
  int slot = pkeyrt_find_key (e->key);
  struct pkeyrt_key *key;

  if (slot < 0)
    {
      slot = new_key (e);
      if (slot < 0)
	return -1;
    }
  else if (pkeyrt_states_policy (e))
    {
      key = &pkeyrt_keys[slot];
      if (key->policy == PKEYRT_POLICY_UNKNOWN)
	{
	  /* Only grants were seen so far, and the key was treated as
	     noaccess.  A policy now would change the rights of the calling
	     thread, and the filter guards no such change: a forged unit
	     could make a key of heap secrets readable.  */
	  if (pkeyrt_harden_active ())
	    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN,
			  "harden=1: unit %s states the policy of key '%s' "
			  "after the filter is in place", e->file, key->name);
	  pkeyrt_set_policy (key, e);
	  if (key->gate == PKEYPLUG_GATE_HW)
	    {
	      pkeyrt_defaults_set (key->hw_key,
				   pkeyrt_policy_rights (key->policy));
	      pkeyrt_hw_set_rights (key->hw_key,
				    pkeyrt_policy_rights (key->policy));
	      pkeyrt_seal_key (key);
	    }
	  else if (key->gate == PKEYPLUG_GATE_EMULATE)
	    pkeyrt_emulate_sync (key);
	}
      else if (key->policy != (int) e->policy)
	pkeyrt_fatal (PKEYPLUG_EXIT_POLICY,
		      "key '%s' has two policies: %s (%s:%u) and %s (%s:%u)",
		      key->name, policy_name (key->policy),
		      key->policy_file, key->policy_line,
		      policy_name ((int) e->policy), e->file, e->line);
    }

  fill_descriptor (e->desc, &pkeyrt_keys[slot], (uint32_t) slot, e->file);
  return slot;
}

/* Protect the object of entry E, of key SLOT.  *LAST is the range the
   unit protected last: the same pages again (objects that share a page)
   need no second probe.  */

static void
protect_object (const struct pkeyplug_unit_entry *e, int slot,
		struct pkeyrt_range *last)
{
  struct pkeyrt_key *key = &pkeyrt_keys[slot];
  struct pkeyrt_object obj;
  uintptr_t addr = (uintptr_t) e->addr;
  uintptr_t start, end;
  int is_const = (e->flags & PKEYPLUG_VAR_CONST) != 0;
  struct pkeyrt_range range;
  int rc = 0;

  if (e->size == 0)
    return;
  if (pkeyrt_harden_active ())
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN,
		  "harden=1: unit %s registers '%s' (key '%s') after the "
		  "filter is in place: it cannot be protected", e->file,
		  e->name, key->name);
  if (e->size > UINTPTR_MAX - addr - PKEYPLUG_PAGE_SIZE)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "bad unit %s: object '%s' of %llu "
		  "bytes at %p does not fit in memory", e->file, e->name,
		  (unsigned long long) e->size, e->addr);
  start = PKEYRT_PAGE_FLOOR (addr);
  end = PKEYRT_PAGE_FLOOR (addr + e->size + PKEYPLUG_PAGE_SIZE - 1);
  pkeyrt_check_layout (start, end, key->name, e->name);

  obj.name = e->name;
  obj.file = e->file;
  obj.line = e->line;
  obj.slot = (uint32_t) slot;
  obj.addr = addr;
  obj.size = e->size;
  pkeyrt_add_object (&obj);
  key->nobjects++;
  pkeyrt_add_range (key, start, end, is_const);

  /* Keep the secret out of core dumps, and with mlock=1 out of swap;
     locking first, while the pages are still accessible, faults them in.
     The pages hold nothing else, so neither touches other data.  */
  pkeyrt_exclude_from_dump ((void *) start, end - start);
  if (pkeyrt_config->opt.mlock && mlock ((void *) start, end - start) != 0)
    pkeyrt_note ("mlock=1: cannot lock the pages of '%s' (key '%s') in "
		 "memory: %s", e->name, key->name, strerror (errno));

  switch (key->gate)
    {
    case PKEYPLUG_GATE_HW:
      rc = pkeyrt_pkey_mprotect ((void *) start, end - start,
				 is_const ? PROT_READ : PROT_READ | PROT_WRITE,
				 key->hw_key);
      break;
    case PKEYPLUG_GATE_EMULATE:
      /* As locked as the key is now: other threads may hold grants.  */
      range.start = start;
      range.end = end;
      range.is_const = is_const;
      rc = mprotect ((void *) start, end - start,
		     pkeyrt_emulate_range_prot (key->prot, &range));
      break;
    default:
      break;
    }
  if (rc != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "cannot protect '%s' (key '%s'): %s",
		  e->name, key->name, strerror (errno));

  range.start = start;
  range.end = end;
  range.is_const = is_const;
  if (last->start == start && last->end == end && last->is_const == is_const)
    return;
  pkeyrt_verify_range (key, &range, "protecting '%s' (key '%s')", e->name,
		       key->name);
  *last = range;
}

/* Check entry E of the unit FILE before anything uses it.  */

static void
check_entry (const struct pkeyplug_unit_entry *e, const char *file)
{
  if (e->kind != PKEYPLUG_ENTRY_KEY && e->kind != PKEYPLUG_ENTRY_VAR)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "bad unit %s: entry of kind %u",
		  file, e->kind);
  if (e->key == NULL || e->key[0] == '\0'
      || strnlen (e->key, PKEYPLUG_NAME_MAX + 1) > PKEYPLUG_NAME_MAX)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "bad unit %s: missing or overlong key name", file);
  if (pkeyrt_states_policy (e) && e->policy != PKEYPLUG_POLICY_NOACCESS
      && e->policy != PKEYPLUG_POLICY_READONLY)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "bad unit %s: key '%s' has policy %u", file, e->key,
		  e->policy);
  if (e->kind == PKEYPLUG_ENTRY_VAR && e->name == NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "bad unit %s: object of key '%s' without a name", file,
		  e->key);
}

/* The plugin calls these through weak references, and a weak reference
   does not pull an object out of libpkeyrt.a: every program with a unit
   pulls this file in (through units.c), so this file pulls them in.  */
typedef void weakly_called_fn (void);
static weakly_called_fn *const weakly_called[] __attribute__ ((used)) =
{
  (weakly_called_fn *) __pkeyplug_rights_save,
  (weakly_called_fn *) __pkeyplug_rights_restore,
  __pkeyplug_before_exit,
#define PKEYRT_THREAD_START(name) (weakly_called_fn *) __pkeyplug_##name,
  PKEYPLUG_THREAD_STARTS (PKEYRT_THREAD_START)
#undef PKEYRT_THREAD_START
};

/* Register the unit table ENTRIES (COUNT entries, built for ABI_VERSION)
   found by units.c: through its note, or from the unit's constructor.  */

void
pkeyrt_register_table (const struct pkeyplug_unit_entry *entries,
		       uint32_t count, uint32_t abi_version)
{
  const char *file = (count > 0 && entries != NULL && entries[0].file)
		     ? entries[0].file : "?";
  uint32_t i, first_new, nmissing = 0;
  struct pkeyrt_range last = { 0, 0, 0 };
  pkeyrt_lock_state st;
  int slot;

  pkeyrt_start ();
  if (abi_version != PKEYPLUG_ABI_VERSION)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "unit %s was built for ABI version %u; this runtime "
		  "implements version %d", file, abi_version,
		  PKEYPLUG_ABI_VERSION);
  if (count > 0 && entries == NULL)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "bad unit: no entries");

  pkeyrt_lock (&st);
  first_new = pkeyrt_nkeys;
  for (i = 0; i < count; i++)
    check_entry (&entries[i], entries[i].file ? entries[i].file : file);
  if (pkeyrt_current_mode () == PKEYPLUG_MODE_HW)
    for (i = 0; i < count; i++)
      if (entries[i].kind == PKEYPLUG_ENTRY_KEY
	  && (entries[i].flags & PKEYPLUG_KEY_SEALED))
	{
	  pkeyrt_seal_start ();
	  break;
	}

  /* Keys first, so that every policy this unit states is known before its
     objects get their protection.  Try every key before giving up, to
     name all that do not fit.  */
  for (i = 0; i < count; i++)
    if (entries[i].kind == PKEYPLUG_ENTRY_KEY && use_key (&entries[i]) < 0)
      nmissing++;
  if (nmissing > 0)
    out_of_keys (entries, count, nmissing);
  for (i = 0; i < count; i++)
    if (entries[i].kind == PKEYPLUG_ENTRY_VAR)
      {
	slot = use_key (&entries[i]);
	if (slot < 0)
	  out_of_keys (entries, count, 1);
	protect_object (&entries[i], slot, &last);
      }

  if (pkeyrt_config->opt.verbose)
    for (i = first_new; i < pkeyrt_nkeys; i++)
      {
	struct pkeyrt_key *key = &pkeyrt_keys[i];
	uint64_t pages = 0;
	uint32_t r;

	for (r = 0; r < key->nranges; r++)
	  pages += (key->ranges[r].end - key->ranges[r].start)
		   / PKEYPLUG_PAGE_SIZE;
	if (key->gate == PKEYPLUG_GATE_HW)
	  pkeyrt_note ("key '%s' -> hw key %d, %u object%s, %llu page%s",
		       key->name, key->hw_key, key->nobjects,
		       plural (key->nobjects), (unsigned long long) pages,
		       plural (pages));
	else
	  pkeyrt_note ("key '%s' -> %s, %u object%s, %llu page%s",
		       key->name,
		       key->gate == PKEYPLUG_GATE_NONE
		       ? "not protected (mode off)"
		       : pkeyrt_current_mode () == PKEYPLUG_MODE_HW
		       ? "emulated (no hw key left, overflow=emulate)"
		       : "emulated",
		       key->nobjects, plural (key->nobjects),
		       (unsigned long long) pages, plural (pages));
      }
  pkeyrt_unlock (&st);
  pkeyrt_sync_threads ();
}
