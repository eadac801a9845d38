/* harden=1 with sealed gates: the ledger (its address read where the
   first sealed gate reads it, after its first WRPKRU: MOVQ disp32(%rip),
   %rdx) cannot be unprotected, remapped or unmapped, its key cannot
   be freed, and no thread can set its FS base (sealed gates know a thread
   by it); grants still work.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-options "-fplugin-arg-pkeyplug-gates=sealed" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1 } */

#define _GNU_SOURCE
#include <asm/prctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "harden.h"
#include <pkeyplug.h>
#include <stdint.h>

int secret PKEY_PROTECT ("vault") = 7;

extern const int32_t __start_pkeyplug_wrpkru[];

static void *
find_ledger (void)
{
  const unsigned char *w = (const unsigned char *) __start_pkeyplug_wrpkru
			   + *__start_pkeyplug_wrpkru;
  const unsigned char *movq = w + 3;
  int32_t disp;

  if (movq[0] != 0x48 || movq[1] != 0x8b || movq[2] != 0x15)
    return NULL;
  memcpy (&disp, movq + 3, 4);
  return *(void *const *) (movq + 7 + disp);
}

PKEY_GRANT ("vault") __attribute__ ((noinline)) static int
get (void)
{
  return secret;
}

int
main (void)
{
  void *ledger = find_ledger ();
  unsigned long fs = 0;
  int k, ours = 0;

  printf ("get %d\n", get ());
  printf ("ledger known: %s\n", ledger ? "yes" : "no");
  say ("mprotect ledger", mprotect (ledger, 4096, PROT_READ | PROT_WRITE));
  say ("pkey_mprotect ledger to key 0",
       syscall (SYS_pkey_mprotect, ledger, 4096, PROT_READ | PROT_WRITE, 0));
  say ("munmap ledger", munmap (ledger, 4096));
  say ("mmap over ledger", mmap (ledger, 4096, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				 -1, 0) == MAP_FAILED ? -1 : 0);
  say ("arch_prctl get fs", syscall (SYS_arch_prctl, ARCH_GET_FS, &fs));
  say ("arch_prctl set fs", syscall (SYS_arch_prctl, ARCH_SET_FS, fs));
  for (k = 1; k < 16; k++)
    if (syscall (SYS_pkey_free, k) == -1 && errno == EPERM)
      ours++;
  printf ("keys pkey_free refuses: %d\n", ours);
  printf ("get %d\n", get ());
  return 0;
}
/* { dg-output "^get 7\n" } */
/* { dg-output "ledger known: yes\n" } */
/* { dg-output "mprotect ledger: EPERM \[^\n\]*\n" } */
/* { dg-output "pkey_mprotect ledger to key 0: EPERM \[^\n\]*\n" } */
/* { dg-output "munmap ledger: EPERM \[^\n\]*\n" } */
/* { dg-output "mmap over ledger: EPERM \[^\n\]*\n" } */
/* { dg-output "arch_prctl get fs: ok\n" } */
/* { dg-output "arch_prctl set fs: EPERM \[^\n\]*\n" } */
/* The ledger's key and vault's.  */
/* { dg-output "keys pkey_free refuses: 2\n" } */
/* { dg-output "get 7\n$" } */
