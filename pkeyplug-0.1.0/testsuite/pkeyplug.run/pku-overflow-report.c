/* Real PKU only: in a hw process, a violation of a key that
   overflow=emulate put under the emulation is reported like any other,
   naming the key as emulated; the start-up lines say which key is in
   hardware and which is emulated.  (With no hardware key free at all,
   mode=auto would pick emulate mode for the whole process instead.)  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS "overflow=emulate,verbose=1" } */
/* { dg-exit-status 134 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha") = 42;
int b PKEY_PROTECT ("beta") = 42;

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

PKEY_GRANT ("alpha") PKEY_GRANT ("beta") static int
get (void)
{
  return a + b;
}

int
main (void)
{
  int emu_is_a = pkeyplug_key_mode ("alpha") == PKEYPLUG_MODE_EMULATE;

  printf ("mode %s, emulated key has %d, granted %d\n",
	  pkeyplug_mode_name (pkeyplug_mode ()),
	  pkeyplug_key_of (emu_is_a ? "alpha" : "beta"), get ());
  fflush (stdout);
  return *(volatile int *) (emu_is_a ? &a : &b);
}
/* { dg-output "^pkeyplug: mode hw \\(PKU present; keys beyond the free hardware keys are emulated, overflow=emulate\\)\n" } */
/* { dg-output "pkeyplug: key '(?:alpha|beta)' -> hw key \[0-9\]+, 1 object, 1 page\n" } */
/* { dg-output "pkeyplug: key '(?:alpha|beta)' -> emulated \\(no hw key left, overflow=emulate\\), 1 object, 1 page\n" } */
/* { dg-output "mode hw, emulated key has 0, granted 84\n" } */
/* { dg-output "pkeyplug: protection violation: read of '(?:a|b)' at offset 0 \\(object of 4 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key '(?:alpha|beta)' \\(emulated, mprotect\\)\n" } */
