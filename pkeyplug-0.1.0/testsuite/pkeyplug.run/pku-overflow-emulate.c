/* Real PKU only: with PKEYPLUG_OPTIONS=overflow=emulate, when other code
   already holds all but one hardware key, the program still runs: one
   key gets the hardware key left, the other is emulated with mprotect.
   The hw key faults with SEGV_PKUERR outside its grants, the emulated key
   with SEGV_ACCERR; inside their grants both can be read and written.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS "overflow=emulate" } */

#define _GNU_SOURCE
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "probe.h"
#include "expect.h"
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha") = 1;
int b PKEY_PROTECT ("beta") = 2;

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

PKEY_GRANT ("alpha") static int
use_a (void)
{
  a += 10;
  return CAN_READ (a) && CAN_WRITE (a) ? a : -1;
}

PKEY_GRANT ("beta") static int
use_b (void)
{
  b += 10;
  return CAN_READ (b) && CAN_WRITE (b) ? b : -1;
}

/* The si_code of a read of *P outside any grant, or 0 if it worked.  */
static int
denied_code (volatile int *p)
{
  probe_last_code = 0;
  if (CAN_READ (*p))
    return 0;
  return probe_last_code;
}

int
main (void)
{
  enum pkeyplug_mode ma = pkeyplug_key_mode ("alpha");
  enum pkeyplug_mode mb = pkeyplug_key_mode ("beta");
  volatile int *hw = ma == PKEYPLUG_MODE_HW ? &a : &b;
  volatile int *emu = ma == PKEYPLUG_MODE_HW ? &b : &a;
  const char *emu_name = ma == PKEYPLUG_MODE_HW ? "beta" : "alpha";

  expect (pkeyplug_mode () == PKEYPLUG_MODE_HW, "process mode is hw");
  expect ((ma == PKEYPLUG_MODE_HW) + (mb == PKEYPLUG_MODE_HW) == 1,
	  "one key in hardware");
  expect ((ma == PKEYPLUG_MODE_EMULATE) + (mb == PKEYPLUG_MODE_EMULATE) == 1,
	  "one key emulated");
  expect (pkeyplug_key_of (emu_name) == 0, "the emulated key has no hw key");
  expect (pkeyplug_key_mode ("nosuch") == PKEYPLUG_MODE_UNINITIALIZED,
	  "unknown key");
  expect (denied_code (hw) == 4, "hw key faults with SEGV_PKUERR");
  expect (denied_code (emu) == 2, "emulated key faults with SEGV_ACCERR");
  expect (!CAN_WRITE (*emu), "emulated key not writable outside grants");
  expect (use_a () == 11, "alpha open inside its grant");
  expect (use_b () == 12, "beta open inside its grant");
  expect (denied_code (hw) == 4, "hw key locked again");
  expect (denied_code (emu) == 2, "emulated key locked again");
  printf ("keys %d, failures %d\n", pkeyplug_key_count (), failures);
  return failures;
}
/* { dg-output "^keys 2, failures 0\n$" } */
