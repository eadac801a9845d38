/* pkeyplug-abi.h -- the contract between the pkeyplug compiler plugin and
   the libpkeyrt runtime.

   The plugin emits these structures as GCC trees (plugin/registry.cc builds
   the same layouts field by field); the runtime reads them.  Both sides
   include this file so that a change shows up on both.  Users never need it:
   it is installed only so that tools can read the tables.

   Everything here is plain C with fixed-size fields so that its layout is the
   same for the C++ plugin and the C runtime.  */

#ifndef PKEYPLUG_ABI_H
#define PKEYPLUG_ABI_H

#include <stdint.h>

/* Bumped whenever a structure below changes; the runtime refuses a unit
   built for another version instead of misreading it.  */
#define PKEYPLUG_ABI_VERSION 3
#define PKEYPLUG_ABI_VERSION_STRING "3"

/* Longest key name, not counting the terminating NUL.  */
#define PKEYPLUG_NAME_MAX 64

/* The page size the layout is built for.  Every protected object and every
   key descriptor lives on pages of this size that hold nothing else.  */
#define PKEYPLUG_PAGE_SIZE 4096

/* How a gate treats its key.  Written by the runtime into the key's
   descriptor; zero (the value the descriptor has before the runtime has seen
   it) makes the gate a no-op.  */
#define PKEYPLUG_GATE_NONE 0
#define PKEYPLUG_GATE_HW 1	/* RDPKRU/WRPKRU.  */
#define PKEYPLUG_GATE_EMULATE 2	/* Call __pkeyplug_emulate_open/close.  */

/* Rights a function asks for.  */
#define PKEYPLUG_GRANT_READ 1
#define PKEYPLUG_GRANT_WRITE 2	/* Always together with READ.  */

/* A key's policy outside granting functions.  */
#define PKEYPLUG_POLICY_NOACCESS 0
#define PKEYPLUG_POLICY_READONLY 1

/* One descriptor per key name per linked module (the plugin makes it a COMDAT
   object, so every unit of the module shares it).  It fills exactly one page
   of its own so that the runtime can make it read-only once it is set up:
   the gates trust it.  */
struct pkeyplug_key_desc
{
  /* Filled by the runtime, read by the gates.  */
  uint32_t gate;		/* PKEYPLUG_GATE_*.  */
  uint32_t keep_rw;		/* PKRU & keep_rw opens the key read+write.  */
  uint32_t keep_ro;		/* (PKRU & keep_ro) | ((PKRU & ad_bit) << 1)  */
  uint32_t ad_bit;		/*   opens it for reading only.  */
  uint32_t slot;		/* The runtime's index of the key.  */
  uint32_t seal_bits;		/* Sealed gates: the ledger key's two PKRU
				   bits.  */
  uint64_t ledger;		/* Sealed gates: the ledger's address.  */
  /* Filled by the compiler.  */
  char name[PKEYPLUG_NAME_MAX + 1];
  char padding[PKEYPLUG_PAGE_SIZE - 32 - (PKEYPLUG_NAME_MAX + 1)];
};

/* Names the plugin gives and the runtime and the tools look for.  A
   key's objects go to sections PKEYPLUG_SECTION_PREFIX KEY (".const",
   ".bss" and ".end" may follow); its descriptor, one per module, is the
   COMDAT object PKEYPLUG_DESC_PREFIX KEY.  */
#define PKEYPLUG_SECTION_PREFIX ".pkeyplug."
#define PKEYPLUG_DESC_PREFIX "__pkeyplug_key."

/* The descriptor's fields as the plugin builds them and the gates read
   them: name, byte offset, bits.  The plugin makes its record from this
   list, and both the plugin and the runtime check at build time that the
   struct above agrees with it, so that a field moved on one side only
   fails the build.  */
#define PKEYPLUG_KEY_DESC_FIELDS(X) \
  X (gate, 0, 32) X (keep_rw, 4, 32) X (keep_ro, 8, 32) X (ad_bit, 12, 32) \
  X (slot, 16, 32) X (seal_bits, 20, 32) X (ledger, 24, 64)
#define PKEYPLUG_KEY_DESC_NAME_OFFSET 32

/* The check, for the plugin and the runtime to place at file scope.  */
#ifdef __cplusplus
# define PKEYPLUG_STATIC_ASSERT static_assert
#else
# define PKEYPLUG_STATIC_ASSERT _Static_assert
#endif
#define PKEYPLUG_KEY_DESC_ASSERT_FIELD(NAME, OFFSET, BITS) \
  PKEYPLUG_STATIC_ASSERT (offsetof (struct pkeyplug_key_desc, NAME) == OFFSET \
			  && sizeof (((struct pkeyplug_key_desc *) 0)->NAME) \
			     * 8 == BITS, \
			  "pkeyplug-abi.h: field " #NAME \
			  " of struct pkeyplug_key_desc");
#define PKEYPLUG_KEY_DESC_CHECK \
  PKEYPLUG_KEY_DESC_FIELDS (PKEYPLUG_KEY_DESC_ASSERT_FIELD) \
  PKEYPLUG_STATIC_ASSERT (offsetof (struct pkeyplug_key_desc, name) \
			  == PKEYPLUG_KEY_DESC_NAME_OFFSET, \
			  "pkeyplug-abi.h: field name of struct " \
			  "pkeyplug_key_desc")

/* What a unit-table entry describes.  */
#define PKEYPLUG_ENTRY_KEY 1	/* A key the unit uses (defines or grants).  */
#define PKEYPLUG_ENTRY_VAR 2	/* A protected object the unit defines.  */

/* Entry flags.  */
#define PKEYPLUG_VAR_CONST 1	/* The object is in a read-only section.  */
#define PKEYPLUG_KEY_POLICY_KNOWN 2	/* The unit states the key's policy
					   (it defines or declares an object
					   of the key); a unit that only
					   grants the key leaves it unset.  */
#define PKEYPLUG_KEY_SEALED 4	/* The unit's gates of the key are sealed
				   (-fplugin-arg-pkeyplug-gates=sealed).  */

/* The ledger of sealed gates: pages tagged with a key of the runtime's
   own that every thread may read and only the gates' straight-line code
   opens for writing.  It holds, per thread, the grants the thread is in
   and the PKRU bits they justify; every WRPKRU of a sealed gate is
   followed by a check of the value written against it.  Slot 0 is the
   header; slot I > 0 belongs to the thread whose FS base is its owner,
   found through a 32-bit index in the thread's TLS.  Offsets in bytes;
   the gates' assembly uses them.  */
#define PKEYPLUG_LEDGER_SLOT_SHIFT 8	/* A slot is 256 bytes.  */
#define PKEYPLUG_LEDGER_OWNER 0		/* uint64_t FS base; 0 in the header
					   and in free slots.  */
#define PKEYPLUG_LEDGER_ALLOWED 8	/* uint32_t: PKRU bits that must be
					   set (the header: a thread outside
					   every grant).  */
#define PKEYPLUG_LEDGER_TPOFF 16	/* Header: int64_t, the offset of the
					   threads' index from the FS base.  */
#define PKEYPLUG_LEDGER_NSLOTS 24	/* Header: uint32_t, slots incl. the
					   header.  */
#define PKEYPLUG_LEDGER_RW 16		/* Slot: uint32_t[16], read-write
					   grants held per hardware key.  */
#define PKEYPLUG_LEDGER_RO 80		/* Slot: uint32_t[16], read grants.  */

/* One entry of a unit's table.  Each translation unit compiled with the plugin
   that uses a key has one table and a constructor that passes it to
   __pkeyplug_register_unit.  */
struct pkeyplug_unit_entry
{
  uint32_t kind;		/* PKEYPLUG_ENTRY_*.  */
  uint32_t policy;		/* The key's PKEYPLUG_POLICY_*.  */
  uint32_t flags;		/* PKEYPLUG_VAR_* for objects.  */
  uint32_t line;		/* Source line of the object or the key's first use.  */
  struct pkeyplug_key_desc *desc;	/* The module's descriptor of the key.  */
  const char *key;		/* The key's name.  */
  const void *addr;		/* The object (PKEYPLUG_ENTRY_VAR).  */
  uint64_t size;		/* Its size in bytes.  */
  const char *name;		/* Its name as written in the source.  */
  const char *file;		/* Source file of the unit.  */
};

/* Each unit also announces its table in an ELF note, so that the runtime
   finds it from the program headers (dl_iterate_phdr, PT_NOTE) and
   protects the unit's objects before any code but the runtime's runs,
   without waiting for the unit's constructor.  The note lives in section
   PKEYPLUG_NOTE_SECTION (allocated, read-only: the linker puts it in a
   PT_NOTE segment); its owner is PKEYPLUG_NOTE_NAME, its type
   PKEYPLUG_NOTE_UNIT, its descriptor a struct pkeyplug_unit_note.  The
   table's place is an offset from the note, which the static linker
   resolves: no dynamic relocation lands in a read-only page.  */
#define PKEYPLUG_NOTE_SECTION ".note.pkeyplug"
#define PKEYPLUG_NOTE_NAME "pkeyplug"
#define PKEYPLUG_NOTE_UNIT 1
/* Every copy of the runtime carries a note of this type, with no
   descriptor: a copy that finds another one's note stops (copies.c).  */
#define PKEYPLUG_NOTE_RUNTIME 2

struct pkeyplug_unit_note
{
  int64_t table;		/* The unit table's address minus this
				   field's.  */
  uint32_t count;		/* Entries in the table.  */
  uint32_t abi_version;		/* PKEYPLUG_ABI_VERSION.  */
};

/* The note as the plugin emits it: an asm statement in the unit's
   constructor with operand 0 the table ("i"), 1 its entry count, 2 the
   ABI version.  Name size 9 ("pkeyplug" and its NUL, padded to 12),
   descriptor size 16.  */
#define PKEYPLUG_NOTE_ASM \
  "\t.pushsection " PKEYPLUG_NOTE_SECTION ", \"a\", @note\n" \
  "\t.balign 4\n" \
  "\t.long 9, 16, 1\n" \
  "\t.asciz \"" PKEYPLUG_NOTE_NAME "\"\n" \
  "\t.balign 4\n" \
  ".Lpkeyplug_note%=:\n" \
  "\t.quad %c0 - .Lpkeyplug_note%=\n" \
  "\t.long %c1, %c2\n" \
  "\t.popsection"

#ifdef __cplusplus
extern "C" {
#endif

/* Called by each unit's constructor, at init priority
   PKEYPLUG_UNIT_INIT_PRIORITY.  A unit the runtime found through its note
   is not registered again.  */
void __pkeyplug_register_unit (const struct pkeyplug_unit_entry *entries,
			       uint32_t count, uint32_t abi_version);

/* Emulate-mode gates: open returns a token that close takes back.  */
uint32_t __pkeyplug_emulate_open (const struct pkeyplug_key_desc *desc,
				  uint32_t grant);
void __pkeyplug_emulate_close (const struct pkeyplug_key_desc *desc,
			       uint32_t token);
/* The close of a unit that scrubs: when TOKEN says the grant closed the
   key, also clear the registers (HOW has PKEYPLUG_SCRUB_REGS), then the
   rest of HOW in bytes of dead stack below the caller.  */
#define PKEYPLUG_SCRUB_REGS 0x80000000
void __pkeyplug_emulate_close_scrub (const struct pkeyplug_key_desc *desc,
				     uint32_t token, uint32_t how);

/* Around every call of a function that returns twice (setjmp, sigsetjmp,
   vfork...) the plugin saves the calling thread's rights into a buffer of
   PKEYPLUG_RIGHTS_SIZE bytes in the caller's frame, and restores them when
   the call returns: after a longjmp out of a granting function its keys
   are closed again.  The buffer is writable memory, so the restore only
   closes keys (or takes one back to its default outside grants); in a
   granting function the plugin then opens the function's own keys again.
   The plugin references these two weakly and calls them only when the
   runtime is linked.  */
#define PKEYPLUG_RIGHTS_SIZE 208
void __pkeyplug_rights_save (void *buf);
void __pkeyplug_rights_restore (const void *buf);

/* Before every call of exit, quick_exit and abort the plugin calls this
   (weakly), also in the stand-in whose address it gives out where code
   takes theirs (__pkeyplug_exit, __pkeyplug_quick_exit, __pkeyplug_abort:
   hidden, one per module): it locks every key for the calling thread, so
   that atexit handlers, destructors and a SIGABRT handler do not run
   inside the grant that called exit.  */
void __pkeyplug_before_exit (void);

/* Called by the exit gate of a grant that closes its key: unless
   -fplugin-arg-pkeyplug-scrub=none, __pkeyplug_scrub_regs clears every
   call-used register (general, x87/MMX, vector, mask); then, with
   -fplugin-arg-pkeyplug-scrub-stack=BYTES, __pkeyplug_scrub_stack clears
   BYTES of the dead stack below the caller.  */
void __pkeyplug_scrub_regs (void);
void __pkeyplug_scrub_stack (uint32_t bytes);

#ifdef __cplusplus
}
#endif

/* The C library's functions that start a thread, or make it start a
   helper thread whose own threads later run the caller's callbacks.  A new
   thread inherits its creator's PKRU; the runtime's __pkeyplug_NAME takes
   NAME's arguments and starts every such thread with every key in its
   default state.  The plugin turns each call of NAME, and each address of
   NAME taken, in every function it compiles into one of __pkeyplug_NAME,
   a weak reference that falls back to NAME where the runtime is not
   linked (static links too); the shared runtime also interposes NAME for
   code compiled without the plugin.  */
#define PKEYPLUG_THREAD_STARTS(X) \
  X (pthread_create) X (thrd_create) X (clone) \
  X (timer_create) X (mq_notify) \
  X (aio_read) X (aio_read64) X (aio_write) X (aio_write64) \
  X (aio_fsync) X (aio_fsync64) X (lio_listio) X (lio_listio64) \
  X (getaddrinfo_a)
#define PKEYPLUG_THREAD_START_PREFIX "__pkeyplug_"

/* Every unit with a table refers to a function of this name, which only
   libpkeyrt defines: a link that forgot the runtime then fails first with
   "undefined reference to `pkeyplug: add -lpkeyrt to the link'".  */
#define PKEYPLUG_RUNTIME_SYMBOL "pkeyplug: add -lpkeyrt to the link"

/* Unit constructors run at priority 100, in the range reserved for the
   implementation, so they precede every user constructor (101..65535).  The
   runtime starts before any constructor and registers every unit it finds
   through the notes; a unit's constructor registers the units of modules
   loaded since (dlopen), and its own if it has no note.  The static
   runtime's constructor (harden=1) runs at priority 101.  */
#define PKEYPLUG_UNIT_INIT_PRIORITY 100
#define PKEYPLUG_RUNTIME_INIT_PRIORITY 101

#endif /* PKEYPLUG_ABI_H */
