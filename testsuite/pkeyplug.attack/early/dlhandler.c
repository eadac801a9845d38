/* dlhandler.c -- a program with a SIGSEGV handler of its own, installed
   after the runtime's, loads dlmod.so (argv[1]) with dlopen.  The
   runtime's probes of the module's new pages fault: its handler must
   take them, not the program's, which is in force again afterwards.  */
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
on_segv (int sig)
{
  static const char msg[] = "program's handler\n";

  (void) sig;
  write (1, msg, sizeof msg - 1);
  _exit (9);
}

int
main (int argc, char **argv)
{
  struct sigaction sa;

  (void) argc;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_segv;
  sigaction (SIGSEGV, &sa, NULL);
  if (dlopen (argv[1], RTLD_NOW) == NULL)
    {
      printf ("dlopen: %s\n", dlerror ());
      return 2;
    }
  printf ("loaded\n");
  fflush (stdout);
  return *(volatile int *) 0;
}
