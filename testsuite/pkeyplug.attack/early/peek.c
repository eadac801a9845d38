/* peek.c -- an attacker's shared library, built without the plugin:
   its constructor reads the program's secret (defined by main.c).  It is
   linked to the program, or preloaded with LD_PRELOAD.  */
#include <stdio.h>

extern int secret;

__attribute__ ((constructor)) static void
peek (void)
{
  printf ("library constructor read %d\n", *(volatile int *) &secret);
  fflush (stdout);
}
