/* Real PKU only: with overflow=emulate, a heap key made by
   pkeyplug_malloc after the last hardware key is gone is emulated: its
   blocks work inside grants (and through realloc, which opens the key for
   the runtime), a stray read is reported as a violation of the emulated
   key, while the static key keeps its hardware key.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS "overflow=emulate" } */
/* { dg-exit-status 134 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "probe.h"
#include "expect.h"
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha") = 1;

/* Runs before every constructor: take every key, give one back.  */
static void
hog_keys (int argc, char **argv, char **envp)
{
  (void) argc; (void) argv; (void) envp;
  long last = -1, k;
  while ((k = syscall (SYS_pkey_alloc, 0, 0)) >= 0)
    last = k;
  if (last >= 0)
    syscall (SYS_pkey_free, last);
}
__attribute__ ((section (".preinit_array"), used))
static void (*hog) (int, char **, char **) = hog_keys;

PKEY_GRANT ("spill") static int
fill (unsigned char *p, int n)
{
  for (int i = 0; i < n; i++)
    p[i] = (unsigned char) (i + 1);
  return p[n - 1];
}

PKEY_GRANT ("spill") static int
get (unsigned char *p, int i)
{
  return p[i];
}

int
main (void)
{
  unsigned char *p = pkeyplug_malloc ("spill", 32);

  expect (p != NULL, "block allocated");
  expect (pkeyplug_key_mode ("alpha") == PKEYPLUG_MODE_HW, "alpha in hw");
  expect (pkeyplug_key_mode ("spill") == PKEYPLUG_MODE_EMULATE,
	  "spill emulated");
  expect (fill (p, 32) == 32, "block usable inside a grant");
  p = pkeyplug_realloc (p, 3000);
  expect (p != NULL && get (p, 31) == 32 && get (p, 2999) == 0,
	  "realloc kept the bytes");
  expect (!CAN_READ (p[31]), "block locked outside grants");
  probe_last_code = 0;
  expect (!CAN_READ (a) && probe_last_code == 4, "alpha faults in hw");
  printf ("failures %d\n", failures);
  fflush (stdout);
  return ((volatile unsigned char *) p)[31];
}
/* { dg-output "^failures 0\n" } */
/* { dg-output "pkeyplug: protection violation: read of heap block of key 'spill' at offset 31 \\(block of 3000 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'spill' \\(emulated, mprotect\\)\n" } */
