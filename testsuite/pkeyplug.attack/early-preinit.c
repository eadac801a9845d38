/* Attack: the program's own .preinit_array entry, which runs before the
   initialisers of every shared library, reads the secret.  The shared
   runtime starts before it (-z initfirst): the read faults.  */
/* { dg-do run } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;

static void
early_peek (int argc, char **argv, char **envp)
{
  (void) argc; (void) argv; (void) envp;
  printf ("preinit read %d\n", *(volatile int *) &secret);
}
__attribute__ ((section (".preinit_array"), used))
static void (*early_entry) (int, char **, char **) = early_peek;

int
main (void)
{
  return 0;
}
/* { dg-output "^pkeyplug: protection violation: read of 'secret' at offset 0 \\(object of 4 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
