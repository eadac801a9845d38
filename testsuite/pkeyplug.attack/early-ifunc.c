/* Limit: ifunc resolvers run while the dynamic linker (or a static
   program's start-up) relocates the program, before any initialiser, the
   runtime's included: a resolver reads the secret before it is
   protected.  */
/* { dg-do run } */

#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 42;
static int early;

static void
target (void)
{
}

static void
(*resolver (void)) (void)
{
  early = *(volatile int *) &secret;
  return target;
}

static void early_function (void) __attribute__ ((ifunc ("resolver")));
/* A reference, so that the program has the relocation that runs the
   resolver.  */
__attribute__ ((used))
static void (*volatile early_reference) (void) = early_function;

int
main (void)
{
  printf ("resolver read %d, locked in main %d\n", early, !CAN_READ (secret));
  return 0;
}
/* { dg-output "^resolver read 42, locked in main 1\n" } */
