/* Real PKU only: when other code already holds all but one hardware key,
   a program with two key names stops at start-up (exit status 83) naming
   the key that did not fit, rather than run with it unprotected.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-exit-status 83 } */

#define _GNU_SOURCE
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha");
int b PKEY_PROTECT ("beta");

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

int
main (void)
{
  printf ("started with %d keys\n", pkeyplug_key_count ());
  return 0;
}
/* { dg-output "^pkeyplug: out of protection keys: key '(alpha|beta)' does not fit \\(1 hardware key was free; PKEYPLUG_OPTIONS=overflow=emulate emulates the rest\\)\n$" } */
