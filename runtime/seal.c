/* seal.c -- the ledger of sealed gates (-fplugin-arg-pkeyplug-gates=sealed).

   The ledger (layout in pkeyplug-abi.h) holds, for each thread, how many
   grants of each hardware key it is in, and ALLOWED: the PKRU bits those
   grants leave set.  Its pages carry a hardware key of the runtime's own,
   read-only for every thread.  Nothing writes them but straight-line
   assembly that opens the key with one WRPKRU, writes what it derives
   from the ledger itself, the FS base and read-only data, and closes it
   with a second WRPKRU that it then checks against ALLOWED: a jump to
   either WRPKRU with chosen registers ends in the check.  Values from
   outside (a key's new restriction, a setjmp buffer's counts) can only
   restrict: they are ORed into ALLOWED or lower a count.

   Once the ledger exists, pkeyrt_wrpkru (pkru.c) checks every value it
   writes in the same way, so the runtime's own WRPKRU is no better a
   gadget than a gate's.

   A thread finds its slot through an index in its TLS, which anyone can
   write; the slot names its owner by FS base, which RDFSBASE reads and
   only WRFSBASE or arch_prctl can change, so a forged index finds no slot
   (the gates trap, the checks fall back to the header's ALLOWED, that of
   a thread outside every grant).  Threads get their slot when they start
   (threads.c) and give it back when they end.  */

#include "pkeyrt.h"
#include "ledger-asm.h"

#include <errno.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>

#ifndef HWCAP2_FSGSBASE
# define HWCAP2_FSGSBASE (1u << 1)
#endif

/* Slots, the header included: at most 1023 threads at once.  */
#define LEDGER_SLOTS 1024u
#define LEDGER_SIZE (LEDGER_SLOTS << PKEYPLUG_LEDGER_SLOT_SHIFT)
/* The 32-bit words of a slot in use: owner, ALLOWED, padding, counts.  */
#define LEDGER_SLOT_WORDS 36
_Static_assert (PKEYPLUG_LEDGER_RO + 16 * 4 == LEDGER_SLOT_WORDS * 4,
		"a slot's words end with the read counts");
_Static_assert (PKEYPLUG_LEDGER_RO == PKEYPLUG_LEDGER_RW + 16 * 4,
		"the read counts follow the read-write ones");

/* This thread's slot, 0 for none.  Initial-exec: the gates reach it at
   a fixed offset from the FS base, which the header records.  */
static __thread uint32_t ledger_index
  __attribute__ ((tls_model ("initial-exec")));

/* EAX = PKRU with the ledger open for writing; WRPKRU #1.  */
#define OPEN_LEDGER \
  RDPKRU_EAX \
  PKEYPLUG_ASM_OPEN_LEDGER ("%[bits]")

/* RDX = this thread's slot, from the ledger in RDX; FAIL if none.  */
#define FIND_SLOT(FAIL) PKEYPLUG_ASM_FIND_SLOT (FAIL)

/* EAX = PKRU | the header's ALLOWED, the ledger's own bits replaced by
   its read-only ones (which ALLOWED holds): every key at least as closed
   as outside any grant.  WRPKRU #2, then the check.  */
#define CLOSE_LEDGER_LOCKED \
  RDPKRU_EAX \
  "movl %[bits], %%edx\n\t" \
  "notl %%edx\n\t" \
  "andl %%edx, %%eax\n\t" \
  "movq %[ledger], %%rdx\n\t" \
  "orl " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), %%eax\n\t" \
  "xorl %%edx, %%edx\n\t" \
  "xorl %%ecx, %%ecx\n\t" \
  LISTED_WRPKRU ("_close") \
  CHECK_WRITTEN

/* EAX = PKRU | this thread's ALLOWED (the header's without a slot), the
   ledger read-only: grants in progress stay open.  WRPKRU #2, the
   check.  */
#define CLOSE_LEDGER_OWN \
  "movq %[ledger], %%rdx\n\t" \
  "movl " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), %%esi\n\t" \
  FIND_SLOT ("9f") \
  "movl " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), %%esi\n" \
  "9:\t" \
  RDPKRU_EAX \
  "movl %[bits], %%edx\n\t" \
  "notl %%edx\n\t" \
  "andl %%edx, %%eax\n\t" \
  "orl %%esi, %%eax\n\t" \
  "xorl %%edx, %%edx\n\t" \
  "xorl %%ecx, %%ecx\n\t" \
  LISTED_WRPKRU ("_close") \
  CHECK_WRITTEN

/* Take a free slot (or the stale one of a thread that had this FS base)
   for the calling thread and set it to no grants; lock the thread's keys
   to their policies.  Return its index, 0 if the ledger is full.  */

static uint32_t
ledger_claim (void)
{
  uint32_t index;

  __asm__ __volatile__ (OPEN_LEDGER
			"movq %[ledger], %%rdx\n\t"
			PKEYPLUG_RDFSBASE_RCX_BYTES "\n\t"
			"movq %%rcx, %%r8\n\t"
			"movl $1, %%esi\n"
			"4:\tcmpl " S (PKEYPLUG_LEDGER_NSLOTS) "(%%rdx), %%esi\n\t"
			"jae 5f\n\t"
			"movl %%esi, %%edi\n\t"
			"shlq $" S (PKEYPLUG_LEDGER_SLOT_SHIFT) ", %%rdi\n\t"
			"addq %%rdx, %%rdi\n\t"
			"cmpq $0, (%%rdi)\n\t"
			"je 6f\n\t"
			"cmpq %%r8, (%%rdi)\n\t"
			"je 6f\n\t"
			"incl %%esi\n\t"
			"jmp 4b\n"
			"5:\txorl %%esi, %%esi\n\t"
			"jmp 2f\n"
			/* ALLOWED from the header, the owner, and the
			   header's again: a restriction added meanwhile
			   either saw the owner or is in the header.  */
			"6:\tmovl " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), %%eax\n\t"
			"movl %%eax, " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdi)\n\t"
			"movq %%r8, " S (PKEYPLUG_LEDGER_OWNER) "(%%rdi)\n\t"
			"mfence\n\t"
			"movl " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), %%eax\n\t"
			"lock orl %%eax, " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdi)\n\t"
			"addq $" S (PKEYPLUG_LEDGER_RW) ", %%rdi\n\t"
			"xorl %%eax, %%eax\n\t"
			"movl $32, %%ecx\n\t"
			"rep stosl\n\t"
			"movq " S (PKEYPLUG_LEDGER_TPOFF) "(%%rdx), %%rcx\n\t"
			"movl %%esi, %%fs:(%%rcx)\n"
			"2:\tmovl %%esi, %%r9d\n\t"
			CLOSE_LEDGER_LOCKED
			"movl %%r9d, %[index]\n\t"
			: [index] "=m" (index)
			: LEDGER_OPERANDS
			: "rax", LEDGER_CLOBBERS, "r8", "r9");
  return index;
}

/* Give the calling thread's slot back, and lock its keys.  */

static void
ledger_release (void)
{
  __asm__ __volatile__ (OPEN_LEDGER
			"movq %[ledger], %%rdx\n\t"
			FIND_SLOT ("2f")
			"movq %%rdx, %%rdi\n\t"
			"xorl %%eax, %%eax\n\t"
			"movl $" S (LEDGER_SLOT_WORDS) ", %%ecx\n\t"
			"rep stosl\n\t"
			"movq %[ledger], %%rdx\n\t"
			"movq " S (PKEYPLUG_LEDGER_TPOFF) "(%%rdx), %%rcx\n\t"
			"movl $0, %%fs:(%%rcx)\n"
			"2:\t"
			CLOSE_LEDGER_LOCKED
			:
			: LEDGER_OPERANDS
			: "rax", LEDGER_CLOBBERS);
}

/* OR BITS into the ALLOWED of the header and of every slot in use: a new
   key's restriction outside grants.  */

static void
ledger_restrict (uint32_t bits)
{
  __asm__ __volatile__ ("movl %[more], %%r8d\n\t"
			OPEN_LEDGER
			"movq %[ledger], %%rdx\n\t"
			"lock orl %%r8d, " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx)\n\t"
			"movl $1, %%esi\n"
			"4:\tcmpl " S (PKEYPLUG_LEDGER_NSLOTS) "(%%rdx), %%esi\n\t"
			"jae 2f\n\t"
			"movl %%esi, %%edi\n\t"
			"shlq $" S (PKEYPLUG_LEDGER_SLOT_SHIFT) ", %%rdi\n\t"
			"addq %%rdx, %%rdi\n\t"
			"cmpq $0, (%%rdi)\n\t"
			"je 5f\n\t"
			"lock orl %%r8d, " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdi)\n"
			"5:\tincl %%esi\n\t"
			"jmp 4b\n"
			"2:\t"
			CLOSE_LEDGER_OWN
			:
			: [more] "m" (bits), LEDGER_OPERANDS
			: "rax", LEDGER_CLOBBERS, "r8");
}

/* Lower the calling thread's counts to those of COUNTS (read-write then
   read, per hardware key), never raise them, and recompute the ALLOWED
   bits of each key whose count went down: longjmp left the grants it
   jumped out of counted.  */

static void
ledger_lower (const uint32_t *counts)
{
  __asm__ __volatile__ ("movq %[counts], %%r8\n\t"
			OPEN_LEDGER
			"movq %[ledger], %%rdx\n\t"
			"movl " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), %%r9d\n\t"
			FIND_SLOT ("2f")
			/* Each count the lower of the two; R10 gets a bit
			   per key lowered.  */
			"xorl %%esi, %%esi\n\t"
			"xorl %%r10d, %%r10d\n"
			"4:\tmovl (%%r8,%%rsi,4), %%eax\n\t"
			"cmpl %%eax, " S (PKEYPLUG_LEDGER_RW) "(%%rdx,%%rsi,4)\n\t"
			"jbe 5f\n\t"
			"movl %%eax, " S (PKEYPLUG_LEDGER_RW) "(%%rdx,%%rsi,4)\n\t"
			"movl %%esi, %%ecx\n\t"
			"andl $15, %%ecx\n\t"
			"btsl %%ecx, %%r10d\n"
			"5:\tincl %%esi\n\t"
			"cmpl $32, %%esi\n\t"
			"jb 4b\n\t"
			/* A lowered key's bits: none under a read-write
			   grant, WD under a read grant, else the header's.  */
			"xorl %%esi, %%esi\n"
			"6:\tbtl %%esi, %%r10d\n\t"
			"jnc 8f\n\t"
			"leal (%%rsi,%%rsi), %%ecx\n\t"
			"xorl %%eax, %%eax\n\t"
			"cmpl $0, " S (PKEYPLUG_LEDGER_RW) "(%%rdx,%%rsi,4)\n\t"
			"jne 7f\n\t"
			"movl $2, %%eax\n\t"
			"shll %%cl, %%eax\n\t"
			"cmpl $0, " S (PKEYPLUG_LEDGER_RO) "(%%rdx,%%rsi,4)\n\t"
			"jne 7f\n\t"
			"movl $3, %%eax\n\t"
			"shll %%cl, %%eax\n\t"
			"andl %%r9d, %%eax\n"
			"7:\tmovl $3, %%edi\n\t"
			"shll %%cl, %%edi\n\t"
			"notl %%edi\n\t"
			"lock andl %%edi, " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx)\n\t"
			"lock orl %%eax, " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx)\n"
			"8:\tincl %%esi\n\t"
			"cmpl $16, %%esi\n\t"
			"jb 6b\n\t"
			"movl " S (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), %%r9d\n"
			/* PKRU | ALLOWED: the keys of the grants left open
			   stay as they are.  */
			"2:\t"
			RDPKRU_EAX
			"movl %[bits], %%edx\n\t"
			"notl %%edx\n\t"
			"andl %%edx, %%eax\n\t"
			"orl %%r9d, %%eax\n\t"
			"xorl %%edx, %%edx\n\t"
			"xorl %%ecx, %%ecx\n\t"
			LISTED_WRPKRU ("_close")
			CHECK_WRITTEN
			:
			: [counts] "r" (counts), LEDGER_OPERANDS
			: "rax", LEDGER_CLOBBERS, "r8", "r9", "r10");
}

/* The PKRU bits that key KEY must keep set outside its grants: AD for
   noaccess (and a policy not stated yet: a heap key), WD for readonly.
   One bit is enough: AD alone denies every access.  */

static uint32_t
restriction (const struct pkeyrt_key *key)
{
  unsigned int shift = 2 * (unsigned int) key->hw_key;

  if (key->policy == PKEYPLUG_POLICY_READONLY)
    return (uint32_t) PKEYRT_DISABLE_WRITE << shift;
  return (uint32_t) PKEYRT_DISABLE_ACCESS << shift;
}

/* Give DESC, filled before the ledger existed, the sealed gates'
   fields.  */

static void
refill_descriptor (struct pkeyplug_key_desc *desc)
{
  if (desc->gate != PKEYPLUG_GATE_HW)
    return;
  if (mprotect (desc, PKEYPLUG_PAGE_SIZE, PROT_READ | PROT_WRITE) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL, "gates=sealed: cannot update the "
		  "descriptor of key '%.64s': %s", desc->name,
		  strerror (errno));
  pkeyrt_seal_fill (desc);
  if (mprotect (desc, PKEYPLUG_PAGE_SIZE, PROT_READ) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL, "gates=sealed: cannot make the "
		  "descriptor of key '%.64s' read-only again: %s",
		  desc->name, strerror (errno));
  pkeyrt_verify ((uintptr_t) desc, 1, 0, "making the descriptor of key "
		 "'%.64s' read-only again", desc->name);
}

size_t
pkeyrt_seal_ledger_size (void)
{
  return LEDGER_SIZE;
}

/* Set up the ledger: the first unit with sealed gates registers.  Called
   with pkeyrt_lock held, in hw mode.  */

void
pkeyrt_seal_start (void)
{
  unsigned char *ledger;
  uint32_t allowed, i;
  int pkey;

  if (pkeyrt_sealed ())
    return;
  if (pkeyrt_heap_used ())
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL, "gates=sealed: the program uses "
		  "heap secrets (pkeyplug_malloc), which sealed gates do "
		  "not support yet");
  if (!(getauxval (AT_HWCAP2) & HWCAP2_FSGSBASE))
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL,
		  "gates=sealed needs RDFSBASE in user mode (FSGSBASE: "
		  "Linux 5.9 or later on a CPU that has it); this system "
		  "does not offer it");
  pkey = pkeyrt_pkey_alloc (0, PKEYRT_DISABLE_WRITE,
			    "the ledger of sealed gates");
  if (pkey < 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL,
		  "gates=sealed: no hardware key for the ledger: %s",
		  strerror (errno));
  ledger = mmap (NULL, LEDGER_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (ledger == MAP_FAILED)
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL, "gates=sealed: cannot map the "
		  "ledger: %s", strerror (errno));

  /* The header, written before the pages get their key.  */
  allowed = (uint32_t) PKEYRT_DISABLE_WRITE << (2 * pkey);
  for (i = 0; i < pkeyrt_nkeys; i++)
    if (pkeyrt_keys[i].gate == PKEYPLUG_GATE_HW
	&& (pkeyrt_keys[i].policy != PKEYRT_POLICY_UNKNOWN
	    || pkeyrt_keys[i].nranges > 0))
      allowed |= restriction (&pkeyrt_keys[i]);
  *(uint32_t *) (ledger + PKEYPLUG_LEDGER_ALLOWED) = allowed;
  *(int64_t *) (ledger + PKEYPLUG_LEDGER_TPOFF)
    = (int64_t) ((char *) &ledger_index
		 - (char *) __builtin_thread_pointer ());
  *(uint32_t *) (ledger + PKEYPLUG_LEDGER_NSLOTS) = LEDGER_SLOTS;
  if (pkeyrt_pkey_mprotect (ledger, LEDGER_SIZE, PROT_READ | PROT_WRITE,
			    pkey) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL, "gates=sealed: cannot tag the "
		  "ledger: %s", strerror (errno));
  pkeyrt_verify ((uintptr_t) ledger, 1, pkey, "tagging the ledger of "
		 "sealed gates with hw key %d", pkey);

  pkeyrt_seal_config.ledger = (uintptr_t) ledger;
  pkeyrt_seal_config.bits = 3u << (2 * pkey);
  pkeyrt_seal_config.pkey = (uint32_t) pkey;
  /* Outside sealed gates every thread may read the ledger, never write
     it: what a new thread, an exit and a longjmp lock to.  */
  pkeyrt_defaults_set (pkey, PKEYRT_DISABLE_WRITE);
  if (mprotect (&pkeyrt_seal_config, PKEYPLUG_PAGE_SIZE, PROT_READ) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL, "gates=sealed: cannot make the "
		  "ledger's settings read-only: %s", strerror (errno));
  pkeyrt_verify ((uintptr_t) &pkeyrt_seal_config, 1, 0, "making the "
		 "ledger's settings read-only");
  /* Descriptors filled before: a unit of the same module built without
     sealed gates came first.  */
  pkeyrt_each_descriptor (refill_descriptor);
  /* Older threads: the ledger readable (they have no slot; their sealed
     gates trap).  */
  pkeyrt_sync_note_key (pkey);
  pkeyrt_seal_claim ();
  if (pkeyrt_config->opt.verbose)
    pkeyrt_note ("gates sealed: ledger key %d, %u slots", pkey,
		 LEDGER_SLOTS - 1);
}

/* Give the calling thread a slot.  */

void
pkeyrt_seal_claim (void)
{
  if (pkeyrt_sealed () && ledger_claim () == 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL, "gates=sealed: more than %u threads "
		  "at once", LEDGER_SLOTS - 1);
}

void
pkeyrt_seal_release (void)
{
  if (pkeyrt_sealed ())
    ledger_release ();
}

/* KEY, a hardware key, got its policy: keep it at least that closed
   outside grants, in every thread.  A key without one protects nothing
   yet (heap secrets, which could, are refused with sealed gates).  A
   restriction is never relaxed.  */

void
pkeyrt_seal_key (const struct pkeyrt_key *key)
{
  unsigned int shift = 2 * (unsigned int) key->hw_key;
  const uint32_t *header;
  uint32_t held;

  if (!pkeyrt_sealed () || key->gate != PKEYPLUG_GATE_HW)
    return;
  header = (const uint32_t *) (uintptr_t) pkeyrt_seal_config.ledger;
  held = header[PKEYPLUG_LEDGER_ALLOWED / 4] & (3u << shift);
  if (held != 0 && held != restriction (key))
    pkeyrt_fatal (PKEYPLUG_EXIT_SEAL,
		  "gates=sealed: key '%s' was used before a unit stated its "
		  "policy readonly, and sealed gates cannot make it readable "
		  "later; link the unit that defines its objects first",
		  key->name);
  if (held == 0)
    ledger_restrict (restriction (key));
}

/* The calling thread's counts, for __pkeyplug_rights_save.  */

void
pkeyrt_seal_snapshot (uint32_t *counts)
{
  const unsigned char *ledger
    = (const unsigned char *) (uintptr_t) pkeyrt_seal_config.ledger;
  uint32_t index = ledger_index;

  memset (counts, 0, PKEYRT_SEAL_COUNTS * sizeof *counts);
  if (!ledger || index == 0 || index >= LEDGER_SLOTS)
    return;
  /* A signal handler starts with the ledger closed: pkeyrt_wrpkru opens
     it for reading.  */
  if (pkeyrt_rdpkru () & pkeyrt_seal_config.bits & 0x55555555u)
    pkeyrt_wrpkru (pkeyrt_rdpkru ());
  memcpy (counts, ledger + ((size_t) index << PKEYPLUG_LEDGER_SLOT_SHIFT)
	  + PKEYPLUG_LEDGER_RW, PKEYRT_SEAL_COUNTS * sizeof *counts);
}

void
pkeyrt_seal_lower (const uint32_t *counts)
{
  if (pkeyrt_sealed ())
    ledger_lower (counts);
}

/* Fill the sealed gates' fields of a hw key's descriptor.  */

void
pkeyrt_seal_fill (struct pkeyplug_key_desc *desc)
{
  desc->seal_bits = pkeyrt_seal_config.bits;
  desc->ledger = pkeyrt_seal_config.ledger;
}
