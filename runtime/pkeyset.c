/* pkeyset.c -- the C library's pkey_set cannot open our keys.

   glibc exports pkey_set (KEY, RIGHTS): an RDPKRU, the key's two bits
   replaced, a WRPKRU.  Whoever can call a function with arguments of their
   choosing (a corrupted function pointer, a forged callback) opens any key
   with pkey_set (K, 0), with checked and sealed gates alike: it is a
   plain, exported WRPKRU.  So in hw mode, at start-up, the runtime
   rewrites the C library's pkey_set in memory: its entry jumps to
   guarded_pkey_set below, which refuses our keys (the program's own keys
   keep working), and its WRPKRU becomes UD2, so that a jump past the new
   entry traps too.  The code page is made writable for the moment of the
   patch only, before the program's threads and before harden=1's filter
   (which forbids it afterwards).

   In emulate mode there is nothing to open: the CPU has no PKRU, and
   pkey_set's WRPKRU raises SIGILL anyway.  */

#include "pkeyrt.h"
#include "pkeyseq.h"

#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#ifndef PIC
# pragma weak pkey_set
extern int pkey_set (int key, unsigned int rights);
#endif

/* How far a static program's pkey_set (no symbol size at run time) is
   searched for its WRPKRU; glibc's is 84 bytes.  */
#define STATIC_SEARCH 128

/* The C library's pkey_set, for everyone.  */

static int
guarded_pkey_set (int key, unsigned int rights)
{
  if (key < 0 || key > 15 || rights > 3)
    {
      errno = EINVAL;
      return -1;
    }
  if (pkeyrt_defaults_owns (key))
    pkeyrt_abort ("pkey_set (%d, %u): hardware key %d is pkeyplug's; "
		  "only its gates change its rights", key, rights, key);
  pkeyrt_hw_set_rights (key, rights);
  return 0;
}

/* Where the C library's pkey_set is, and how many bytes it has (*EXACT
   zero: only a window known to hold it); NULL if the process has none.  */

static unsigned char *
find_pkey_set (size_t *len, int *exact)
{
#ifdef PIC
  void *fn = dlvsym (RTLD_DEFAULT, "pkey_set", "GLIBC_2.27");
  const ElfW (Sym) *sym = NULL;
  Dl_info info;

  if (fn == NULL)
    return NULL;
  if (dladdr1 (fn, &info, (void **) &sym, RTLD_DL_SYMENT) != 0
      && sym != NULL && sym->st_size > 0)
    {
      *len = sym->st_size;
      *exact = 1;
    }
  else
    *len = STATIC_SEARCH;
  return fn;
#else
  *len = STATIC_SEARCH;
  return (unsigned char *) (uintptr_t) &pkey_set;
#endif
}

struct wrpkru_at
{
  size_t offset[4];
  size_t n;
};

static int
note_wrpkru (void *arg, size_t offset, enum pkeyseq_kind kind)
{
  struct wrpkru_at *w = arg;

  if (kind != PKEYSEQ_WRPKRU)
    return 0;
  if (w->n == sizeof w->offset / sizeof w->offset[0])
    return 1;
  w->offset[w->n++] = offset;
  return 0;
}

/* The jump to TARGET that replaces the first bytes of FN: a rel32 jump
   where it reaches, else through %rax (a scratch register at a call).
   Return its length.  */

static size_t
entry_jump (unsigned char *fn, uintptr_t target, unsigned char *code)
{
  intptr_t rel = (intptr_t) target - (intptr_t) (fn + 5);

  if (rel == (int32_t) rel)
    {
      int32_t r = (int32_t) rel;

      code[0] = 0xe9;
      memcpy (code + 1, &r, 4);
      return 5;
    }
  code[0] = 0x48;
  code[1] = 0xb8;
  memcpy (code + 2, &target, 8);
  code[10] = 0xff;
  code[11] = 0xe0;
  return 12;
}

void
pkeyrt_guard_pkey_set (void)
{
  static const unsigned char ud2_nop[3] = { 0x0f, 0x0b, 0x90 };
  struct wrpkru_at w = { { 0 }, 0 };
  unsigned char jump[12];
  size_t len, jump_len, i;
  int exact = 0;
  unsigned char *fn = find_pkey_set (&len, &exact);
  uintptr_t first, last;

  if (fn == NULL)
    return;
  jump_len = entry_jump (fn, (uintptr_t) guarded_pkey_set, jump);
  if (pkeyseq_find (fn, len, note_wrpkru, &w) != 0 || w.n == 0
      || w.offset[0] < jump_len || len < jump_len)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "the C library's pkey_set at %p "
		  "is not the code the runtime knows how to guard: its "
		  "WRPKRU would stay callable", (void *) fn);
  /* Past the first WRPKRU of a window, the code may be another
     function's.  */
  if (!exact)
    w.n = 1;

  first = PKEYRT_PAGE_FLOOR ((uintptr_t) fn);
  last = PKEYRT_PAGE_FLOOR ((uintptr_t) fn + len - 1);
  if (mprotect ((void *) first, last - first + PKEYPLUG_PAGE_SIZE,
		PROT_READ | PROT_WRITE | PROT_EXEC) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "cannot make the C library's "
		  "pkey_set writable to guard it: %s", strerror (errno));
  /* A system call filter may have answered for the kernel.  */
  if (pkeyrt_refuses_write ((uintptr_t) fn))
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "guarding the C library's pkey_set "
		  "did not take: a write at %p was refused after mprotect "
		  "made it writable (did a system call filter answer for the "
		  "kernel?)", (void *) fn);
  for (i = 0; i < w.n; i++)
    memcpy (fn + w.offset[i], ud2_nop, sizeof ud2_nop);
  memcpy (fn, jump, jump_len);
  if (mprotect ((void *) first, last - first + PKEYPLUG_PAGE_SIZE,
		PROT_READ | PROT_EXEC) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "cannot make the C library's "
		  "pkey_set read-only again: %s", strerror (errno));
  pkeyrt_verify ((uintptr_t) fn, 1, 0, "making the C library's pkey_set "
		 "read-only again");
}
