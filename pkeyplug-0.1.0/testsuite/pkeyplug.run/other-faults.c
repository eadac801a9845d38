/* A fault outside protected memory is not ours: a handler installed
   before the runtime's (from .preinit_array) still gets it.  */
/* { dg-do run } */
/* { dg-exit-status 7 } */

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault");

static void
on_segv (int sig)
{
  (void) sig;
  static const char msg[] = "user handler called\n";
  write (1, msg, sizeof msg - 1);
  _exit (7);
}

static void
preinit (int argc, char **argv, char **envp)
{
  (void) argc; (void) argv; (void) envp;
  signal (SIGSEGV, on_segv);
}
__attribute__ ((section (".preinit_array"), used))
static void (*preinit_entry) (int, char **, char **) = preinit;

int
main (void)
{
  volatile int *null = 0;
  return *null;
}
/* { dg-output "user handler called" } */
