/* hog-keys.h -- take hardware protection keys before the runtime starts,
   as other code of a process may have done.

   Define HOG_GIVE_BACK to the number of keys to leave free (default 0)
   before including this file.  The runtime starts before every
   initialiser (-z initfirst, or .preinit_array in a static link), so the
   keys are taken by an ifunc resolver, which the dynamic linker (or a
   static program's start-up) runs while it relocates the program, before
   any initialiser.  A resolver runs before TLS and the stack guard are
   set up in a static program: raw system calls, no arrays.  */

#ifndef HOG_KEYS_H
#define HOG_KEYS_H

#include <sys/syscall.h>

#ifndef HOG_GIVE_BACK
# define HOG_GIVE_BACK 0
#endif

#if defined __has_attribute
# if __has_attribute (no_stack_protector)
#  define HOG_NO_STACK_PROTECTOR __attribute__ ((no_stack_protector))
# endif
#endif
#ifndef HOG_NO_STACK_PROTECTOR
# define HOG_NO_STACK_PROTECTOR
#endif

static inline long HOG_NO_STACK_PROTECTOR
hog_syscall (long nr, long a, long b)
{
  long ret;

  __asm__ __volatile__ ("syscall"
			: "=a" (ret)
			: "0" (nr), "D" (a), "S" (b)
			: "rcx", "r11", "memory");
  return ret;
}

static void
hog_target (void)
{
}

static void (*hog_resolver (void)) (void) HOG_NO_STACK_PROTECTOR;

static void
(*hog_resolver (void)) (void)
{
  unsigned long taken = 0;
  long k;
  int n;

  while ((k = hog_syscall (SYS_pkey_alloc, 0, 0)) > 0 && k < 16)
    taken |= 1ul << k;
  for (n = 0, k = 15; n < HOG_GIVE_BACK && k > 0; k--)
    if (taken & (1ul << k))
      {
	hog_syscall (SYS_pkey_free, k, 0);
	n++;
      }
  return hog_target;
}

static void hog_keys (void) __attribute__ ((ifunc ("hog_resolver")));

/* A reference, so that the program has the relocation that runs the
   resolver.  */
__attribute__ ((used))
static void (*volatile hog_reference) (void) = hog_keys;

#endif
