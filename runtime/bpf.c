/* bpf.c -- a small assembler for the classic BPF of seccomp filters.

   A seccomp filter sees each system call as struct seccomp_data: its
   number, architecture, instruction pointer and six 64-bit arguments,
   which classic BPF loads 32 bits at a time.  filter.c states the rules;
   this file turns them into instructions: labels (conditional jumps reach
   only 255 instructions ahead, so every far jump is a BPF_JA fixed up at
   the end), 64-bit compares done as two 32-bit ones, and the overlap test
   of a [start, start + length) argument pair against guarded ranges.

   A filter longer than the kernel takes (BPF_MAXINSNS) stops the program
   with PKEYPLUG_EXIT_HARDEN: refusing to start beats running without the
   filter the user asked for.  */

#include "harden.h"

#include <linux/seccomp.h>
#include <stddef.h>

/* Offsets in struct seccomp_data.  */
#define IP_AT offsetof (struct seccomp_data, instruction_pointer)
#define ARG_LO(i) (offsetof (struct seccomp_data, args) + 8 * (i))
#define ARG_HI(i) (ARG_LO (i) + 4)

static void
too_big (void)
{
  pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: the filter would be longer "
		"than %d instructions (too many guarded ranges)",
		BPF_MAXINSNS);
}

void
pkeyrt_bpf_emit (struct pkeyrt_bpf *p, uint16_t code, uint8_t jt, uint8_t jf,
		 uint32_t k)
{
  if (p->n == BPF_MAXINSNS)
    too_big ();
  p->insn[p->n].code = code;
  p->insn[p->n].jt = jt;
  p->insn[p->n].jf = jf;
  p->insn[p->n].k = k;
  p->n++;
}

size_t
pkeyrt_bpf_label (struct pkeyrt_bpf *p)
{
  if (p->nlabels == PKEYRT_BPF_MAX_LABELS)
    too_big ();
  p->label_at[p->nlabels] = SIZE_MAX;
  return p->nlabels++;
}

void
pkeyrt_bpf_place (struct pkeyrt_bpf *p, size_t label)
{
  p->label_at[label] = p->n;
}

void
pkeyrt_bpf_jump (struct pkeyrt_bpf *p, size_t label)
{
  if (p->njumps == sizeof p->jump_from / sizeof p->jump_from[0])
    too_big ();
  p->jump_from[p->njumps] = p->n;
  p->jump_to[p->njumps++] = label;
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JA, 0, 0, 0);
}

void
pkeyrt_bpf_resolve (struct pkeyrt_bpf *p)
{
  size_t i;

  for (i = 0; i < p->njumps; i++)
    p->insn[p->jump_from[i]].k
      = (uint32_t) (p->label_at[p->jump_to[i]] - p->jump_from[i] - 1);
}

void
pkeyrt_bpf_load (struct pkeyrt_bpf *p, uint32_t at)
{
  pkeyrt_bpf_emit (p, BPF_LD | BPF_W | BPF_ABS, 0, 0, at);
}

void
pkeyrt_bpf_load_mem (struct pkeyrt_bpf *p, uint32_t m)
{
  pkeyrt_bpf_emit (p, BPF_LD | BPF_MEM, 0, 0, m);
}

static void
store_mem (struct pkeyrt_bpf *p, uint32_t m)
{
  pkeyrt_bpf_emit (p, BPF_ST, 0, 0, m);
}

void
pkeyrt_bpf_ret (struct pkeyrt_bpf *p, uint32_t action)
{
  pkeyrt_bpf_emit (p, BPF_RET | BPF_K, 0, 0, action);
}

/* If A == K goto LABEL.  */

void
pkeyrt_bpf_if_eq (struct pkeyrt_bpf *p, uint32_t k, size_t label)
{
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, k);
  pkeyrt_bpf_jump (p, label);
}

/* If argument ARG == K (all 64 bits) goto LABEL.  */

void
pkeyrt_bpf_if_arg_eq64 (struct pkeyrt_bpf *p, int arg, uint64_t k,
			size_t label)
{
  pkeyrt_bpf_load (p, ARG_LO (arg));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 3, (uint32_t) k);
  pkeyrt_bpf_load (p, ARG_HI (arg));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, (uint32_t) (k >> 32));
  pkeyrt_bpf_jump (p, label);
}

/* If the call was made from the instruction before IP goto LABEL.  */

void
pkeyrt_bpf_if_ip (struct pkeyrt_bpf *p, uintptr_t ip, size_t label)
{
  pkeyrt_bpf_load (p, IP_AT);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 3, (uint32_t) ip);
  pkeyrt_bpf_load (p, IP_AT + 4);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1,
		   (uint32_t) ((uint64_t) ip >> 32));
  pkeyrt_bpf_jump (p, label);
}

/* Scratch: [M_START, M_END) = [arg START_ARG, + arg LEN_ARG), the sum
   taken over 64 bits.  A sum that wraps names no range the kernel
   accepts.  */

void
pkeyrt_bpf_load_range (struct pkeyrt_bpf *p, int start_arg, int len_arg)
{
  pkeyrt_bpf_load (p, ARG_LO (start_arg));
  store_mem (p, PKEYRT_M_START_LO);
  pkeyrt_bpf_load (p, ARG_HI (start_arg));
  store_mem (p, PKEYRT_M_START_HI);
  pkeyrt_bpf_load (p, ARG_LO (len_arg));
  pkeyrt_bpf_emit (p, BPF_MISC | BPF_TAX, 0, 0, 0);
  pkeyrt_bpf_load_mem (p, PKEYRT_M_START_LO);
  pkeyrt_bpf_emit (p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
  store_mem (p, PKEYRT_M_END_LO);
  /* Carry out of the low words: the sum is below an addend.  */
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JGE | BPF_X, 2, 0, 0);
  pkeyrt_bpf_emit (p, BPF_LD | BPF_IMM, 0, 0, 1);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JA, 0, 0, 1);
  pkeyrt_bpf_emit (p, BPF_LD | BPF_IMM, 0, 0, 0);
  pkeyrt_bpf_emit (p, BPF_MISC | BPF_TAX, 0, 0, 0);
  pkeyrt_bpf_load (p, ARG_HI (len_arg));
  pkeyrt_bpf_emit (p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
  pkeyrt_bpf_emit (p, BPF_MISC | BPF_TAX, 0, 0, 0);
  pkeyrt_bpf_load_mem (p, PKEYRT_M_START_HI);
  pkeyrt_bpf_emit (p, BPF_ALU | BPF_ADD | BPF_X, 0, 0, 0);
  store_mem (p, PKEYRT_M_END_HI);
}

/* If the 64-bit scratch value (HI, LO) >= C goto LABEL.  */

void
pkeyrt_bpf_if_ge64 (struct pkeyrt_bpf *p, uint32_t hi, uint32_t lo,
		    uint64_t c, size_t label)
{
  pkeyrt_bpf_load_mem (p, hi);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JGT | BPF_K, 3, 0, (uint32_t) (c >> 32));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 3, (uint32_t) (c >> 32));
  pkeyrt_bpf_load_mem (p, lo);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, (uint32_t) c);
  pkeyrt_bpf_jump (p, label);
}

/* If the 64-bit scratch value (HI, LO) <= C goto LABEL.  */

void
pkeyrt_bpf_if_le64 (struct pkeyrt_bpf *p, uint32_t hi, uint32_t lo,
		    uint64_t c, size_t label)
{
  pkeyrt_bpf_load_mem (p, hi);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JGT | BPF_K, 4, 0, (uint32_t) (c >> 32));
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JEQ | BPF_K, 0, 2, (uint32_t) (c >> 32));
  pkeyrt_bpf_load_mem (p, lo);
  pkeyrt_bpf_emit (p, BPF_JMP | BPF_JGT | BPF_K, 1, 0, (uint32_t) c);
  pkeyrt_bpf_jump (p, label);
}

/* If the scratch range overlaps one of the N ranges at G goto LABEL.  */

void
pkeyrt_bpf_if_overlaps (struct pkeyrt_bpf *p, const struct pkeyrt_guarded *g,
			size_t n, size_t label)
{
  size_t i;

  for (i = 0; i < n; i++)
    {
      size_t next = pkeyrt_bpf_label (p);

      pkeyrt_bpf_if_ge64 (p, PKEYRT_M_START_HI, PKEYRT_M_START_LO, g[i].end,
			  next);
      pkeyrt_bpf_if_le64 (p, PKEYRT_M_END_HI, PKEYRT_M_END_LO, g[i].start,
			  next);
      pkeyrt_bpf_jump (p, label);
      pkeyrt_bpf_place (p, next);
    }
}
