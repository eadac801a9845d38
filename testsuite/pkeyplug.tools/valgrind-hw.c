/* Valgrind with mode=hw: Valgrind's virtual CPU has no PKU, so the
   runtime refuses to start (status 82) with one line that names Valgrind
   as the reason, on both boards (the PKU virtual machine's CPU has PKU:
   without the name the refusal would read as a lie there).  The program
   runs itself again under valgrind.  */
/* { dg-do run } */
/* { dg-exit-status 82 } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pkeyplug.h>

static int table[16] PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static int
fill (void)
{
  int s = 0;
  for (int i = 0; i < 16; i++)
    s += table[i] = i;
  return s;
}

/* Valgrind preloads its vgpreload_*.so into the program it runs.  */
static int
under_valgrind (void)
{
  const char *p = getenv ("LD_PRELOAD");
  return p && strstr (p, "vgpreload");
}

int
main (int argc, char **argv)
{
  (void) argc;
  if (!under_valgrind ())
    {
      setenv ("PKEYPLUG_OPTIONS", "mode=hw", 1);
      execlp ("valgrind", "valgrind", "-q", "--error-exitcode=99",
	      "--leak-check=no", argv[0], (char *) NULL);
      perror ("valgrind");
      return 2;
    }
  printf ("started without protection: %d\n", fill ());
  return 0;
}
/* { dg-output "^pkeyplug: mode=hw requested but running under Valgrind, whose virtual CPU has no PKU \\(CPUID.7.0:ECX.PKU = 0\\)\n$" } */
