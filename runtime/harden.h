/* harden.h -- what the files of harden=1 share, and nothing else needs.

   harden.c    the policy: what is guarded, dumpable, the install, the
               filter's self-test
   filter.c    the rules of the seccomp filter
   bpf.c       a small assembler for classic BPF (labels, 64-bit compares)
   opener.c    the SIGSYS handler and the helper that opens files for the
               program without ever putting a descriptor of its memory in
               its descriptor table

   Calls run one way: harden.c calls filter.c and opener.c; filter.c
   calls bpf.c; nothing here calls back up into harden.c.  */

#ifndef HARDEN_H
#define HARDEN_H

#include "pkeyrt.h"

#include <linux/filter.h>
#include <stddef.h>
#include <stdint.h>

#pragma GCC visibility push(hidden)

/* A guarded range [START, END); SLOT >= 0 for a key's heap reservation
   (filter.c lets pkey_mprotect give those pages their own key back).  */
struct pkeyrt_guarded
{
  uintptr_t start, end;
  int slot;
};

/* The cookies of the filter's self-test: a probe system call with COOKIE
   as arguments gets ERRNO (ANSWER) from our filter and from no other.  */
#define PKEYRT_PROBE_COUNT 4
struct pkeyrt_probe
{
  uint64_t cookie;
  uint32_t answer;		/* 1..4095.  */
};

/* What filter.c builds a filter from.  */
struct pkeyrt_filter_spec
{
  const struct pkeyrt_guarded *guarded;
  size_t nguarded;
  struct pkeyrt_probe probes[PKEYRT_PROBE_COUNT];
};

/* The system call number of the self-test's probe: none on x86-64.  */
#define PKEYRT_PROBE_NR 4000

/* bpf.c.  A program under construction.  Conditional jumps only ever go a
   few instructions ahead (their offsets are 8 bits); anything farther is
   a BPF_JA to a label, fixed up by pkeyrt_bpf_resolve.  */
#define PKEYRT_BPF_MAX_LABELS 4096
struct pkeyrt_bpf
{
  struct sock_filter insn[BPF_MAXINSNS];
  size_t n;
  size_t label_at[PKEYRT_BPF_MAX_LABELS];	/* SIZE_MAX: not placed.  */
  size_t nlabels;
  size_t jump_from[PKEYRT_BPF_MAX_LABELS * 2];
  size_t jump_to[PKEYRT_BPF_MAX_LABELS * 2];
  size_t njumps;
};

/* Scratch words: the range a call names, [M_START, M_END).  */
#define PKEYRT_M_START_LO 0
#define PKEYRT_M_START_HI 1
#define PKEYRT_M_END_LO 2
#define PKEYRT_M_END_HI 3

extern void pkeyrt_bpf_emit (struct pkeyrt_bpf *p, uint16_t code, uint8_t jt,
			     uint8_t jf, uint32_t k);
extern size_t pkeyrt_bpf_label (struct pkeyrt_bpf *p);
extern void pkeyrt_bpf_place (struct pkeyrt_bpf *p, size_t label);
extern void pkeyrt_bpf_jump (struct pkeyrt_bpf *p, size_t label);
extern void pkeyrt_bpf_resolve (struct pkeyrt_bpf *p);
extern void pkeyrt_bpf_load (struct pkeyrt_bpf *p, uint32_t at);
extern void pkeyrt_bpf_load_mem (struct pkeyrt_bpf *p, uint32_t m);
extern void pkeyrt_bpf_ret (struct pkeyrt_bpf *p, uint32_t action);
extern void pkeyrt_bpf_if_eq (struct pkeyrt_bpf *p, uint32_t k, size_t label);
extern void pkeyrt_bpf_if_arg_eq64 (struct pkeyrt_bpf *p, int arg,
				    uint64_t k, size_t label);
extern void pkeyrt_bpf_if_ip (struct pkeyrt_bpf *p, uintptr_t ip,
			      size_t label);
extern void pkeyrt_bpf_load_range (struct pkeyrt_bpf *p, int start_arg,
				   int len_arg);
extern void pkeyrt_bpf_if_ge64 (struct pkeyrt_bpf *p, uint32_t hi,
				uint32_t lo, uint64_t c, size_t label);
extern void pkeyrt_bpf_if_le64 (struct pkeyrt_bpf *p, uint32_t hi,
				uint32_t lo, uint64_t c, size_t label);
extern void pkeyrt_bpf_if_overlaps (struct pkeyrt_bpf *p,
				    const struct pkeyrt_guarded *g, size_t n,
				    size_t label);

/* filter.c */
extern void pkeyrt_filter_build (struct pkeyrt_bpf *p,
				 const struct pkeyrt_filter_spec *spec);

/* opener.c.  The instructions after the helper's three open system
   calls: the only places the filter lets an open through.  */
extern const char pkeyrt_opener_prefix_site[];
extern const char pkeyrt_opener_site[];
extern const char pkeyrt_opener_dir_site[];
/* The flags of the first and the last: they only ever open a directory
   as O_PATH.  */
#define PKEYRT_OPENER_PREFIX_FLAGS (O_PATH | O_DIRECTORY | O_CLOEXEC)
extern void pkeyrt_opener_install (void);
extern long pkeyrt_opener_open (long nr, long dirfd, const char *path,
				unsigned long arg2, unsigned long arg3);
extern long pkeyrt_raw_syscall (long nr, long a, long b, long c, long d,
				long e, long f);

#pragma GCC visibility pop

#endif /* HARDEN_H */
