/* pkeyrt.h -- what the files of the libpkeyrt runtime share.

   The files, by layer (runtime/README; calls only go down):

   core
   options.c   PKEYPLUG_OPTIONS
   config.c    the options and the mode, read-only after start-up
   message.c   one-line messages on stderr, fatal exits, abort
   keys.c      the key table, its ranges, the module descriptors
   lock.c      pkeyrt_lock, held with every signal blocked
   pkru.c      the runtime's one checked WRPKRU
   hw.c        PKU detection, pkey system calls, RDPKRU
   maps.c      reading /proc/self/maps
   elfread.c   section headers and names of a module's file (elfread.h)
   fault.c     the SIGSEGV handler: probes first, then violations
   grow.c      room in the runtime's growing tables
   notes.c     the pkeyplug ELF notes of a loaded module
   copies.c    refuse a second copy of the runtime in the process
   ../common/pkeyseq.c  the byte matcher scan.c shares with pkeyplug-scan

   mechanisms
   defaults.c  every hardware key's rights outside grants, read-only
   verify.c    probes that check each protection took
   emulate.c   the mprotect emulation and its gates
   scrub.c     clearing the dead stack below a grant that closes
   threads.c   threads that start or end inside a grant
   helpers.c   glibc's helper threads (timers, mq_notify, aio, getaddrinfo_a)
   exiting.c   locking a thread's keys before exit; exit, abort
   rights.c    saving and restoring a thread's rights around setjmp
   window.c    the runtime opens a key for itself, briefly
   dump.c      protected pages in core dumps or not (dontdump=)
   sync.c      new keys' default rights for threads older than them
   seal.c      the ledger of sealed gates
   newkey.c    making a key
   arena.c     the arenas of heap secrets (heap.h)
   heap.c      heap secrets: the blocks behind pkeyplug_malloc

   policies
   harden.c    harden=1: the seccomp filter that guards protected memory
               (with filter.c, bpf.c and opener.c; see harden.h)
   sigsys.c    harden=1: SIGSYS stays deliverable (interposed sigprocmask)
   scan.c      scan=1: stray WRPKRU/XRSTOR sequences in executable memory
   step.c      report=continue-in-emulate: single-step past a violation
   pkeyset.c   hw mode: the C library's pkey_set cannot open our keys
   layout.c    no other section on a protected page
   lsan.c      LeakSanitizer: protected pages kept out of its scan

   entry
   report.c    the violation report
   init.c      start-up; registering the units the plugin built
   units.c     start first; find every unit through its note
   api.c       the public API of <pkeyplug.h>

   Everything declared here is hidden: only the functions of pkeyplug.h and
   pkeyplug-abi.h leave the library, each marked PKEYRT_EXPORT where it is
   defined.  */

#ifndef PKEYRT_H
#define PKEYRT_H

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <link.h>

/* The public headers come before the visibility pragma below, so that the
   functions they declare keep default visibility.  */
#define PKEYPLUG_API_ONLY
#include "pkeyplug.h"
#include "pkeyplug-abi.h"

/* The runtime's versions of the functions that start threads
   (PKEYPLUG_THREAD_STARTS): threads.c and helpers.c define them.  Their
   headers come before the visibility pragma too.  */
#include <aio.h>
#include <mqueue.h>
#include <netdb.h>
#include <threads.h>
#include <time.h>

int __pkeyplug_pthread_create (pthread_t *thread, const pthread_attr_t *attr,
			       void *(*fn) (void *), void *arg);
int __pkeyplug_thrd_create (thrd_t *thread, thrd_start_t fn, void *arg);
int __pkeyplug_clone (int (*fn) (void *), void *stack, int flags, void *arg,
		      ...);
int __pkeyplug_timer_create (clockid_t clock, struct sigevent *event,
			     timer_t *timer);
int __pkeyplug_mq_notify (mqd_t queue, const struct sigevent *event);
int __pkeyplug_aio_read (struct aiocb *cb);
int __pkeyplug_aio_read64 (struct aiocb64 *cb);
int __pkeyplug_aio_write (struct aiocb *cb);
int __pkeyplug_aio_write64 (struct aiocb64 *cb);
int __pkeyplug_aio_fsync (int op, struct aiocb *cb);
int __pkeyplug_aio_fsync64 (int op, struct aiocb64 *cb);
int __pkeyplug_lio_listio (int mode, struct aiocb *const list[], int n,
			   struct sigevent *event);
int __pkeyplug_lio_listio64 (int mode, struct aiocb64 *const list[], int n,
			     struct sigevent *event);
int __pkeyplug_getaddrinfo_a (int mode, struct gaicb *list[], int n,
			      struct sigevent *event);

#if !defined __x86_64__
# error "libpkeyrt supports x86-64 only (system call numbers, PKRU, REG_ERR)"
#endif

#define PKEYRT_STRINGIFY_1(x) #x
#define PKEYRT_STRINGIFY(x) PKEYRT_STRINGIFY_1 (x)

/* For the definitions of the functions gates and users call.  */
#define PKEYRT_EXPORT __attribute__ ((visibility ("default")))

#pragma GCC visibility push(hidden)

/* Size of the key table.  Hardware has at most 15 keys for us; the
   emulation has no such limit, but the per-thread rights array is sized
   by this.  */
#define PKEYRT_MAX_KEYS 64
#define PKEYRT_MAX_HW_KEYS 15

/* pkey_alloc access rights (PKEY_DISABLE_*; not taken from <sys/mman.h>,
   whose glibc may predate them).  */
#define PKEYRT_DISABLE_ACCESS 1u
#define PKEYRT_DISABLE_WRITE 2u

/* A key whose policy no unit has stated yet (only grants seen so far).  It
   is treated as noaccess until a unit states it.  */
#define PKEYRT_POLICY_UNKNOWN (-1)

/* Rights a thread holds on a key in the emulation.  */
#define PKEYRT_LEVEL_NONE 0
#define PKEYRT_LEVEL_READ 1
#define PKEYRT_LEVEL_WRITE 2

#define PKEYRT_PAGE_FLOOR(a) \
  ((uintptr_t) (a) & ~(uintptr_t) (PKEYPLUG_PAGE_SIZE - 1))

/* What PKEYPLUG_OPTIONS asks for.  */
enum pkeyrt_request
{
  PKEYRT_REQUEST_AUTO,
  PKEYRT_REQUEST_HW,
  PKEYRT_REQUEST_EMULATE,
  PKEYRT_REQUEST_OFF
};

/* What scan= asks for.  */
enum pkeyrt_scan_request
{
  PKEYRT_SCAN_OFF,
  PKEYRT_SCAN_ON,		/* Tolerates glibc's own two gadgets.  */
  PKEYRT_SCAN_STRICT		/* Tolerates nothing but listed gates.  */
};

/* Longest log_path accepted.  */
#define PKEYRT_LOG_PATH_MAX 200

struct pkeyrt_options
{
  enum pkeyrt_request request;
  int verbose;
  int mlock;			/* Lock protected pages in memory.  */
  int report_exit;		/* -1: abort after a report, else _exit.  */
  char log_path[PKEYRT_LOG_PATH_MAX + 1];	/* "" or a file prefix.  */
  int overflow_emulate;		/* overflow=emulate: keys that do not fit
				   in hardware are emulated.  */
  int report_continue;		/* report=continue-in-emulate.  */
  enum pkeyrt_scan_request scan;
  int harden;
  int dontdump;			/* Protected pages out of core dumps.  */
};

/* Pages [start, end) holding protected objects of one key.  Const ranges
   are in read-only sections and never get PROT_WRITE.  */
struct pkeyrt_range
{
  uintptr_t start;
  uintptr_t end;
  int is_const;
};

/* One key name of the process (a slot of pkeyrt_keys).  */
struct pkeyrt_key
{
  char name[PKEYPLUG_NAME_MAX + 1];
  int gate;			/* PKEYPLUG_GATE_HW, _EMULATE, or _NONE in
				   off mode: how this key is enforced.  */
  int hw_key;			/* 1..15 for a hw key, else 0.  */
  int policy;			/* PKEYPLUG_POLICY_* or PKEYRT_POLICY_UNKNOWN.  */
  const char *policy_file;	/* Where the policy was first stated.  */
  uint32_t policy_line;
  uint32_t nobjects;
  struct pkeyrt_range *ranges;	/* Kept merged; kept in every mode.  */
  uint32_t nranges;
  uint32_t ranges_alloc;
  /* Emulation: how many threads hold read only / read+write, and the
     protection the key's (non-const) ranges have now.  */
  uint32_t nreaders;
  uint32_t nwriters;
  int prot;
};

/* A protected object, remembered for the violation report.  */
struct pkeyrt_object
{
  const char *name;
  const char *file;
  uint32_t line;
  uint32_t slot;
  uintptr_t addr;
  uint64_t size;
};

/* config.c.  The options and the mode: written once at start-up, then
   read-only.  */
struct pkeyrt_config
{
  enum pkeyplug_mode mode;	/* Read with pkeyrt_current_mode.  */
  struct pkeyrt_options opt;	/* PKEYPLUG_OPTIONS as parsed.  */
};
extern const struct pkeyrt_config *const pkeyrt_config;
extern void pkeyrt_config_set_options (const struct pkeyrt_options *opt);
extern void pkeyrt_config_set_mode (enum pkeyplug_mode mode);
extern void pkeyrt_config_freeze (void);
extern const char *pkeyrt_mode_name (enum pkeyplug_mode mode);
extern int pkeyrt_harden_active (void);
extern void pkeyrt_harden_mark_active (void);

static inline enum pkeyplug_mode
pkeyrt_current_mode (void)
{
  return __atomic_load_n (&pkeyrt_config->mode, __ATOMIC_ACQUIRE);
}

/* keys.c.  The key table is guarded by pkeyrt_lock.  */
extern struct pkeyrt_key pkeyrt_keys[PKEYRT_MAX_KEYS];
extern uint32_t pkeyrt_nkeys;
extern int pkeyrt_find_key (const char *name);
extern unsigned int pkeyrt_policy_rights (int policy);
extern void pkeyrt_add_range (struct pkeyrt_key *key, uintptr_t start,
			      uintptr_t end, int is_const);
extern void pkeyrt_remove_range (struct pkeyrt_key *key, uintptr_t start,
				 uintptr_t end);
extern void pkeyrt_add_descriptor (const void *desc);
extern void pkeyrt_each_descriptor (void (*fn) (struct pkeyplug_key_desc *));
extern uintptr_t pkeyrt_descriptor_page (size_t n);
extern size_t pkeyrt_descriptor_count (void);
extern int pkeyrt_states_policy (const struct pkeyplug_unit_entry *e);
extern void pkeyrt_set_policy (struct pkeyrt_key *key,
			       const struct pkeyplug_unit_entry *e);
extern uint32_t pkeyrt_hw_key_count (void);
extern int pkeyrt_heap_used (void);
extern void pkeyrt_note_heap_used (void);

/* newkey.c */
extern int pkeyrt_new_key (const char *name,
			   const struct pkeyplug_unit_entry *e);

/* init.c */
extern void pkeyrt_start (void);
extern void pkeyrt_start_env (char **env);
extern void pkeyrt_register_table (const struct pkeyplug_unit_entry *entries,
				   uint32_t count, uint32_t abi_version);

/* lock.c.  pkeyrt_lock guards the key table and the emulation's counts.
   It is only ever held with every signal blocked, so that a signal handler
   that runs a gate never waits for a lock its own thread holds.  */
typedef struct
{
  sigset_t old;
} pkeyrt_lock_state;
extern void pkeyrt_lock (pkeyrt_lock_state *st);
extern void pkeyrt_unlock (const pkeyrt_lock_state *st);
extern void pkeyrt_lock_raw (void);
extern void pkeyrt_unlock_raw (void);
extern void pkeyrt_lock_for_fork (void);
extern void pkeyrt_unlock_after_fork (void);

/* options.c */
extern void pkeyrt_parse_options (struct pkeyrt_options *opts, char **env);

/* hw.c */
#define PKEYRT_HW_NO_FREE_KEY 2
extern int pkeyrt_hw_probe (const char **reason);
extern int pkeyrt_pkey_alloc (unsigned int flags, unsigned int rights,
			      const char *what);
extern int pkeyrt_pkey_free (int pkey);
extern int pkeyrt_pkey_mprotect (void *addr, size_t len, int prot, int pkey);
extern uint32_t pkeyrt_rdpkru (void);
extern void pkeyrt_hw_set_rights (int pkey, unsigned int rights);

/* threads.c */
extern int pkeyrt_hw_rights_differ (void);
extern void *pkeyrt_next_symbol (const char *name);

/* The C library's NAME, which the runtime wraps.  The shared runtime
   interposes NAME and finds the next definition; libpkeyrt.a refers to
   NAME weakly (#pragma weak in the file that wraps it), so that it pulls
   nothing into a static program, and gets null where the program does not
   link NAME.  */
#ifdef PIC
# define PKEYRT_REAL(name) \
  ((__typeof__ (&name)) pkeyrt_next_symbol (#name))
#else
# define PKEYRT_REAL(name) (&name)
#endif

/* defaults.c.  What locking and restoring trust.  */
extern void pkeyrt_defaults_start (void);
extern void pkeyrt_defaults_set (int pkey, unsigned int rights);
extern uint32_t pkeyrt_defaults_lock (uint32_t pkru);
extern uint32_t pkeyrt_defaults_restore (uint32_t pkru, uint32_t saved);
extern const void *pkeyrt_defaults_page (void);
extern int pkeyrt_defaults_owns (int pkey);
extern void pkeyrt_hw_lock_thread (void);

/* exiting.c */
extern void pkeyrt_lock_at_thread_exit (void);

/* pkru.c.  pkeyrt_wrpkru: once the ledger exists (seal.c) it checks
   every value written against it.  */
struct pkeyrt_seal_config
{
  uint64_t ledger;		/* 0 until a unit with sealed gates comes.  */
  uint32_t bits;		/* The ledger key's PKRU bits.  */
  uint32_t pkey;
  char padding[PKEYPLUG_PAGE_SIZE - 16];
};
extern struct pkeyrt_seal_config pkeyrt_seal_config;
#define PKEYRT_SEAL_COUNTS 32	/* Read-write, then read, per hw key.  */
extern void pkeyrt_wrpkru (uint32_t pkru);
extern int pkeyrt_sealed (void);

/* seal.c */
extern void pkeyrt_seal_start (void);
extern void pkeyrt_seal_claim (void);
extern void pkeyrt_seal_release (void);
extern void pkeyrt_seal_key (const struct pkeyrt_key *key);
extern void pkeyrt_seal_fill (struct pkeyplug_key_desc *desc);
extern void pkeyrt_seal_snapshot (uint32_t *counts);
extern void pkeyrt_seal_lower (const uint32_t *counts);
extern size_t pkeyrt_seal_ledger_size (void);

/* sync.c */
extern void pkeyrt_sync_note_key (int hw_key);
extern void pkeyrt_sync_threads (void);

/* emulate.c */
extern void pkeyrt_emulate_release_thread (void);
extern void pkeyrt_emulate_snapshot (uint8_t *levels);
extern void pkeyrt_emulate_restore (const uint8_t *levels);
extern void pkeyrt_emulate_start (void);
extern int pkeyrt_emulate_locked_prot (const struct pkeyrt_key *key);
extern int pkeyrt_emulate_range_prot (int key_prot,
				      const struct pkeyrt_range *range);
extern void pkeyrt_emulate_sync (struct pkeyrt_key *key);
extern unsigned int pkeyrt_emulate_raise (uint32_t slot, unsigned int level);
extern void pkeyrt_emulate_lower (uint32_t slot, unsigned int token);
extern int pkeyrt_emulated_slot_p (uint32_t slot);

/* message.c */
extern void pkeyrt_fatal (int status, const char *fmt, ...)
  __attribute__ ((noreturn, format (printf, 2, 3)));
extern void pkeyrt_note (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2)));
extern void pkeyrt_abort (const char *fmt, ...)
  __attribute__ ((noreturn, format (printf, 1, 2)));
extern void pkeyrt_die (void) __attribute__ ((noreturn));
extern void pkeyrt_write_all (const char *buf, size_t len);

/* notes.c */
typedef int pkeyrt_note_fn (const void *desc, uint32_t descsz,
			    const struct dl_phdr_info *info, void *arg);
extern int pkeyrt_each_note (const struct dl_phdr_info *info, uint32_t type,
			     pkeyrt_note_fn *fn, void *arg);

/* copies.c */
extern void pkeyrt_refuse_second_copy (void);

/* fault.c */
typedef int pkeyrt_probe_fault_fn (const siginfo_t *info, void *ctx);
extern void pkeyrt_install_handler (pkeyrt_probe_fault_fn *violation);
extern int pkeyrt_handler_claim (pkeyrt_probe_fault_fn *probe);
extern void pkeyrt_handler_release (int claimed);

/* report.c */
extern void pkeyrt_add_object (const struct pkeyrt_object *obj);
extern int pkeyrt_report_fault (const siginfo_t *info, void *ctx);

/* step.c */
extern void pkeyrt_step_start (void);
extern int pkeyrt_step_active (void);
extern int pkeyrt_step_past (uint32_t slot, uintptr_t addr, int is_write,
			     void *ctx);

/* pkeyset.c */
extern void pkeyrt_guard_pkey_set (void);

/* grow.c */
extern void *pkeyrt_grow (void *p, size_t *alloc, size_t need, size_t size,
			  int status, const char *what);

/* layout.c */
extern void pkeyrt_check_layout (uintptr_t start, uintptr_t end,
				 const char *key, const char *object);

/* verify.c */
extern int pkeyrt_refuses_write (uintptr_t addr);
extern void pkeyrt_verify (uintptr_t addr, int write, int hw_key,
			   const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));
extern void pkeyrt_verify_range (const struct pkeyrt_key *key,
				 const struct pkeyrt_range *range,
				 const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

/* scan.c */
extern void pkeyrt_scan_process (void);

/* maps.c.  All of /proc/self/maps as one string (free it), or NULL with
   errno set.  pkeyrt_maps_next splits off the line at *CURSOR: 1 with
   its fields in *M, 0 at the end.  */
struct pkeyrt_mapping
{
  uintptr_t start, end;
  char perms[5];
  const char *name;		/* "" for anonymous memory.  */
};
extern char *pkeyrt_maps_read (void);
extern int pkeyrt_maps_next (char **cursor, struct pkeyrt_mapping *m);

/* harden.c */
extern void pkeyrt_harden_install (void);
extern void pkeyrt_harden_at_init (void);

/* heap.c.  What <pkeyplug.h> promises; api.c exports it.  */
extern void *pkeyrt_heap_malloc (const char *name, size_t n);
extern void pkeyrt_heap_free (void *p);
extern void *pkeyrt_heap_realloc (void *p, size_t n);

/* arena.c.  Where an address lies in the heap arenas, for the violation
   report.  */
enum pkeyrt_heap_place
{
  PKEYRT_HEAP_BLOCK,		/* In a live block.  */
  PKEYRT_HEAP_ARENA,		/* In an arena, outside every live block.  */
  PKEYRT_HEAP_GUARD		/* In the guard page below or above one.  */
};

struct pkeyrt_heap_hit
{
  enum pkeyrt_heap_place place;
  uint32_t slot;		/* The arena's key.  */
  int64_t offset;		/* From the block's or the arena's start.  */
  uint64_t size;		/* The block's (requested) or arena's size.  */
};

extern int pkeyrt_heap_find (uintptr_t addr, struct pkeyrt_heap_hit *hit);

/* harden=1: reserve each key's heap address range, tagged with the key
   (pkeyrt_heap_reserve); list every range the filter must guard: those
   reservations and the arenas made before them (pkeyrt_heap_ranges calls
   ADD for each).  */
extern void pkeyrt_heap_reserve (void);
extern void pkeyrt_heap_ranges (void (*add) (uintptr_t start, uintptr_t end,
					     int slot));

/* window.c.  What pkeyrt_window_close needs to put back.  */
struct pkeyrt_window
{
  uint32_t pkru;		/* hw key: PKRU before.  */
  unsigned int token;		/* Emulated key: the level before.  */
};
extern void pkeyrt_window_open (uint32_t slot, struct pkeyrt_window *w);
extern void pkeyrt_window_close (uint32_t slot,
				 const struct pkeyrt_window *w);

/* lsan.c */
extern void pkeyrt_lsan_start_first (void);

/* dump.c */
extern void pkeyrt_exclude_from_dump (void *addr, size_t len);
extern void pkeyrt_dump_open_keys (void);

#pragma GCC visibility pop

#endif /* PKEYRT_H */
