/* indirectmain.c -- built without the plugin and linked with
   indirectlib.c's library alone: libpkeyrt comes in as that library's
   dependency, after the C library in the lookup order (how a program
   uses a distribution's library built with pkeyplug).  The runtime must
   start, the grant must work, and a read outside it must be stopped.  */
#include <stdio.h>

int indirect_value (void);
int *indirect_address (void);

int
main (void)
{
  printf ("granted %d\n", indirect_value ());
  fflush (stdout);
  printf ("outside %d\n", *(volatile int *) indirect_address ());
  return 0;
}
