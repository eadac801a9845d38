/* dlopen the library named by argv[1] and call its function.  */

#include <dlfcn.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  void *lib;
  int (*fn) (void);

  if (argc != 2)
    return 2;
  printf ("loading\n");
  fflush (stdout);
  lib = dlopen (argv[1], RTLD_NOW);
  if (lib == NULL)
    {
      printf ("dlopen: %s\n", dlerror ());
      return 1;
    }
  fn = (int (*) (void)) dlsym (lib, "lib_value");
  printf ("loaded, %d\n", fn ());
  return 0;
}
