/* pkeyplug-asm.h -- the instruction sequences the plugin's gates and the
   runtime share: written once, so that the sealed gates the plugin emits
   and the runtime's own checked WRPKRU can never drift apart.

   Each macro is text for an extended asm (so "%%" for a register).  The
   sealed-gate pieces take their operands as arguments, since the plugin
   names them by number and the runtime by name:
     BITS     a memory operand holding the ledger key's two PKRU bits;
     ALLOWED  a 32-bit register for the allowed bits (scratch).
   RCX and RDX are clobbered throughout, EAX holds the PKRU value.

   The encodings are spelled as bytes: assemblers older than the PKU
   mnemonics, and the scanners (pkeyseq.h), agree on them.  */

#ifndef PKEYPLUG_ASM_H
#define PKEYPLUG_ASM_H

#include "pkeyplug-abi.h"

#define PKEYPLUG_ASM_STR_1(X) #X
#define PKEYPLUG_ASM_STR(X) PKEYPLUG_ASM_STR_1 (X)

/* RDPKRU (needs ECX = 0) and WRPKRU (needs ECX = EDX = 0) are 0F 01
   with these ModRM bytes; the scanners (pkeyseq.c) match the same.  */
#define PKEYPLUG_RDPKRU_MODRM 0xee
#define PKEYPLUG_WRPKRU_MODRM 0xef
#define PKEYPLUG_RDPKRU_BYTES \
  ".byte 0x0f,0x01," PKEYPLUG_ASM_STR (PKEYPLUG_RDPKRU_MODRM)
#define PKEYPLUG_WRPKRU_BYTES \
  ".byte 0x0f,0x01," PKEYPLUG_ASM_STR (PKEYPLUG_WRPKRU_MODRM)
/* RDFSBASE %rcx: the thread's FS base, which user code changes only with
   WRFSBASE or arch_prctl.  */
#define PKEYPLUG_RDFSBASE_RCX_BYTES ".byte 0xf3,0x48,0x0f,0xae,0xc1"

/* The section listing every WRPKRU of ours (gates and runtime): a 32-bit
   offset from each entry to its instruction, so that pkeyplug-scan and
   scan=1 can tell them from stray byte sequences.  Its pieces are
   SHF_LINK_ORDER ("o") sections tied to the code they describe, so that
   --gc-sections keeps exactly the pieces of the code it keeps.  */
#define PKEYPLUG_WRPKRU_LIST_SECTION "pkeyplug_wrpkru"

/* A listed WRPKRU.  TAG tells apart several in one asm.  */
#define PKEYPLUG_ASM_LISTED_WRPKRU(TAG) \
  ".Lpkeyplug_wrpkru%=" TAG ":\t" PKEYPLUG_WRPKRU_BYTES "\t# wrpkru\n" \
  "\t.pushsection " PKEYPLUG_WRPKRU_LIST_SECTION ",\"ao\",@progbits," \
  ".Lpkeyplug_wrpkru%=" TAG "\n\t.balign 4\n\t.long .Lpkeyplug_wrpkru%=" \
  TAG " - .\n\t.popsection"

/* EAX = PKRU.  */
#define PKEYPLUG_ASM_READ_PKRU \
  "xorl\t%%ecx, %%ecx\n\t" \
  PKEYPLUG_RDPKRU_BYTES "\t# rdpkru\n\t"

/* Sealed gates.  A thread's slot in the ledger: RDX = the slot, from the
   ledger's address in RDX; jump to FAIL if the thread has none (its index
   in TLS is out of range, or the slot's owner is not this FS base).  */
#define PKEYPLUG_ASM_FIND_SLOT(FAIL) \
  "movq\t" PKEYPLUG_ASM_STR (PKEYPLUG_LEDGER_TPOFF) "(%%rdx), %%rcx\n\t" \
  "movl\t%%fs:(%%rcx), %%ecx\n\t" \
  "cmpl\t" PKEYPLUG_ASM_STR (PKEYPLUG_LEDGER_NSLOTS) "(%%rdx), %%ecx\n\t" \
  "jae\t" FAIL "\n\t" \
  "shlq\t$" PKEYPLUG_ASM_STR (PKEYPLUG_LEDGER_SLOT_SHIFT) ", %%rcx\n\t" \
  "addq\t%%rcx, %%rdx\n\t" \
  PKEYPLUG_RDFSBASE_RCX_BYTES "\t# rdfsbase %%rcx\n\t" \
  "cmpq\t%%rcx, " PKEYPLUG_ASM_STR (PKEYPLUG_LEDGER_OWNER) "(%%rdx)\n\t" \
  "jne\t" FAIL "\n\t"

/* EAX = EAX with the ledger open for writing (BITS cleared); WRPKRU.  */
#define PKEYPLUG_ASM_OPEN_LEDGER(BITS) \
  "movl\t" BITS ", %%edx\n\t" \
  "notl\t%%edx\n\t" \
  "andl\t%%edx, %%eax\n\t" \
  "xorl\t%%edx, %%edx\n\t" \
  PKEYPLUG_ASM_LISTED_WRPKRU ("_open") "\n\t"

/* After a WRPKRU of EAX, with the ledger's address in RDX: every bit the
   thread's ALLOWED sets (the header's, that of a thread outside every
   grant, for a thread without a slot) must be set in EAX, a key's AD
   counting as its WD too (no access is less than read-only: a signal
   handler starts with AD alone); else TRAP, a line with a UD2 (the
   plugin's gates label it, to share it with their own failures).  Ends
   at label 1.  */
#define PKEYPLUG_ASM_CHECK_WRITTEN(ALLOWED, TRAP) \
  "movl\t" PKEYPLUG_ASM_STR (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), " \
  ALLOWED "\n\t" \
  PKEYPLUG_ASM_FIND_SLOT ("3f") \
  "movl\t" PKEYPLUG_ASM_STR (PKEYPLUG_LEDGER_ALLOWED) "(%%rdx), " \
  ALLOWED "\n" \
  "3:\tmovl\t%%eax, %%ecx\n\t" \
  "andl\t$0x55555555, %%ecx\n\t" \
  "addl\t%%ecx, %%ecx\n\t" \
  "orl\t%%eax, %%ecx\n\t" \
  "orl\t%%ecx, " ALLOWED "\n\t" \
  "cmpl\t%%ecx, " ALLOWED "\n\t" \
  "je\t1f\n" \
  TRAP "\n" \
  "1:"

#endif /* PKEYPLUG_ASM_H */
