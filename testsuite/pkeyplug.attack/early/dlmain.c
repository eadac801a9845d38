/* dlmain.c -- load dlmod.so (argv[1]) with dlopen: report what its early
   constructor read and whether the secret is locked; then unload it,
   load it again, and read the secret: a module loaded again (at the same
   address, as it usually is) must register again, and the read fault.  */
#include <dlfcn.h>
#include <stdio.h>
#include "../../pkeyplug.run/probe.h"

int
main (int argc, char **argv)
{
  void *h;
  int *(*address) (void);
  int *first, *again;

  (void) argc;
  h = dlopen (argv[1], RTLD_NOW);
  if (h == NULL)
    {
      printf ("dlopen: %s\n", dlerror ());
      return 2;
    }
  address = (int *(*) (void)) dlsym (h, "module_secret_address");
  first = address ();
  printf ("early constructor read %d, locked %d\n",
	  *(int *) dlsym (h, "early_read"), !CAN_READ (*first));
  dlclose (h);
  h = dlopen (argv[1], RTLD_NOW);
  address = (int *(*) (void)) dlsym (h, "module_secret_address");
  again = address ();
  printf ("loaded again at the %s address\n",
	  again == first ? "same" : "other");
  fflush (stdout);
  return *(volatile int *) again;
}
