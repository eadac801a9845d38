/* scan=1 lets a normal annotated program run: grants (nested, read-only,
   readonly policy), heap secrets, a thread, a dlopen; only pkeyplug's
   listed gates and glibc's own two sequences are in its code.  The vdso
   is scanned too and must be clean.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS scan=1 } */

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "probe.h"
#include <pkeyplug.h>

int counter PKEY_PROTECT ("vault") = 1;
const char banner[16] PKEY_PROTECT_READONLY ("notice") = "public";
static char *block;

PKEY_GRANT_READ ("vault") static int
peek (void)
{
  return counter;
}

PKEY_GRANT ("vault") static int
bump (void)
{
  counter++;
  strcpy (block, "heap");
  return peek () + (int) strlen (block);
}

static void *
worker (void *arg)
{
  (void) arg;
  return (void *) (long) bump ();
}

int
main (void)
{
  pthread_t t;
  void *r, *lib;

  block = pkeyplug_malloc ("vault", 32);
  pthread_create (&t, NULL, worker, NULL);
  pthread_join (t, &r);
  lib = dlopen ("libm.so.6", RTLD_NOW);
  printf ("bump %ld, %s, locked %d, dlopen %d\n", (long) r, banner,
	  !CAN_READ (counter), lib != NULL);
  return CAN_READ (counter);
}
/* { dg-output "^bump 6, public, locked 1, dlopen 1\n$" } */
