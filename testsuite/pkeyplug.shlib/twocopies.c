/* twocopies.c -- a program linked with libpkeyrt.a that also brings in
   libpkeyrt.so, through indirectlib.c's library: linked (the default) or
   loaded with dlopen (-DDLOPEN, the library's path in argv[1]).  Two
   runtimes would each keep their own keys, blind to the other's: the
   process must stop at start-up, or at the dlopen, with a message that
   says so.  */
#include <stdio.h>
#include <pkeyplug.h>
#ifdef DLOPEN
#include <dlfcn.h>
#endif

static int own_secret PKEY_PROTECT ("own") = 7;

PKEY_GRANT ("own") static int
own_value (void)
{
  return own_secret == 7;	/* A yes or no, not the secret.  */
}

#ifndef DLOPEN
int indirect_value (void);
#endif

int
main (int argc, char **argv)
{
  int (*value) (void);

  printf ("own %d\n", own_value ());
  fflush (stdout);
#ifdef DLOPEN
  void *lib = argc > 1 ? dlopen (argv[1], RTLD_NOW) : NULL;
  if (lib == NULL)
    {
      printf ("dlopen: %s\n", dlerror ());
      return 1;
    }
  value = (int (*) (void)) dlsym (lib, "indirect_value");
#else
  (void) argc, (void) argv;
  value = indirect_value;
#endif
  printf ("library %d\n", value ());
  return 0;
}
