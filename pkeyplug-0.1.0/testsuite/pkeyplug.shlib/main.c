/* main.c -- uses lib.c linked (default) or loaded with dlopen (-DDLOPEN,
   linked with -rdynamic so that the library finds prog_secret):
   one key name is one key across modules, the library's keys are set up
   when it loads, and everything is locked outside grants.  */
#include <dlfcn.h>
#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

int prog_secret PKEY_PROTECT ("vault") = 1;

#ifdef DLOPEN
static int (*lib_read_both) (void);
static int (*lib_private_value) (void);
static int *(*lib_secret_address) (void);
#else
int lib_read_both (void);
int lib_private_value (void);
int *lib_secret_address (void);
#endif

PKEY_GRANT ("vault") static int
prog_read_lib (void)
{
  return *lib_secret_address () + prog_secret;
}

int
main (int argc, char **argv)
{
#ifdef DLOPEN
  printf ("keys before dlopen %d\n", pkeyplug_key_count ());
  void *h = dlopen (argv[1], RTLD_NOW);
  if (!h)
    {
      printf ("dlopen: %s\n", dlerror ());
      return 2;
    }
  lib_read_both = (int (*) (void)) dlsym (h, "lib_read_both");
  lib_private_value = (int (*) (void)) dlsym (h, "lib_private_value");
  lib_secret_address = (int *(*) (void)) dlsym (h, "lib_secret_address");
#else
  (void) argc; (void) argv;
#endif
  int *ls = lib_secret_address ();
  printf ("keys %d\n", pkeyplug_key_count ());
  printf ("lib grant %d, prog grant %d, libonly %d\n", lib_read_both (),
	  prog_read_lib (), lib_private_value ());
  printf ("locked: lib %d prog %d\n", !CAN_READ (*ls), !CAN_READ (prog_secret));
  return CAN_READ (*ls) || CAN_READ (prog_secret);
}
