/* The runtime sets a key up in the middle of a grant of it.  In a static
   program the program's .preinit_array entry runs before the runtime's
   (link order), so the entry gate of `early_grant' finds its key not set
   up yet and does nothing.  In its body a unit registration (what the
   constructor of a unit loaded by dlopen does: the runtime starts and
   takes in every unit of the program) sets the key up: hw in the PKU VM,
   emulated elsewhere.  The exit gate then finds a set-up key whose entry
   gate opened nothing: it must do nothing either.  In hw mode a checked
   exit gate that restored the value the entry gate never saved would trap
   (SIGILL at its UD2).  Afterwards the key is locked and later grants
   work.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>
#include <pkeyplug-abi.h>

int secret PKEY_PROTECT ("vault") = 40;
extern const volatile uint32_t vault_gate __asm__ ("__pkeyplug_key.vault");
static int early;
static uint32_t gate_before, gate_after;

PKEY_GRANT ("vault") __attribute__ ((noinline)) static int
early_grant (void)
{
  /* Read while the key is not set up: once it is, it is locked (this
     grant did not open it).  */
  int v = secret + 1;
  gate_before = vault_gate;
  __pkeyplug_register_unit (NULL, 0, PKEYPLUG_ABI_VERSION);
  gate_after = vault_gate;
  return v;
}

PKEY_GRANT ("vault") __attribute__ ((noinline)) static int
later_grant (void)
{
  return secret + 2;
}

static void
preinit (int argc, char **argv, char **envp)
{
  (void) argc; (void) argv; (void) envp;
  early = early_grant ();
}
__attribute__ ((section (".preinit_array"), used))
static void (*preinit_entry) (int, char **, char **) = preinit;

int
main (void)
{
  printf ("mode %s, early %d, gate %s, locked %d, later %d\n",
	  pkeyplug_mode_name (pkeyplug_mode ()), early,
	  gate_before == PKEYPLUG_GATE_NONE && gate_after != gate_before
	  ? "set up in the grant" : "not set up in the grant",
	  !CAN_READ (secret), later_grant ());
  return !(early == 41 && !CAN_READ (secret));
}
/* { dg-output "mode (hw|emulate), early 41, gate set up in the grant, locked 1, later 42" } */
