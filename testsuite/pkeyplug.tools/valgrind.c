/* Valgrind's memcheck runs a pkeyplug program: the runtime picks a mode
   that works under it (emulate: Valgrind runs no RDPKRU or WRPKRU, and
   hides PKU) and says which and why, naming Valgrind (in the PKU virtual
   machine too, whose CPU has PKU), the grant works, memcheck finds no error
   of its own, and a read outside every grant still ends in pkeyplug's
   report.  The program runs itself again under valgrind.  */
/* { dg-do run } */
/* { dg-options "-rdynamic" } */
/* { dg-exit-status 134 } */

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
    s += table[i] = i * i;
  return s;
}

int __attribute__ ((noinline))
peek (int i)
{
  return ((volatile int *) table)[i];
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
      /* The runtime under valgrind says which mode it picked.  */
      setenv ("PKEYPLUG_OPTIONS", "verbose=1", 1);
      execlp ("valgrind", "valgrind", "-q", "--error-exitcode=99",
	      "--leak-check=no", argv[0], (char *) NULL);
      perror ("valgrind");
      return 2;
    }
  printf ("sum %d\n", fill ());
  fflush (stdout);
  printf ("peeked %d\n", peek (3));
  return 0;
}
/* { dg-output "pkeyplug: mode emulate \\(no PKU: running under Valgrind, whose virtual CPU has no PKU \\(CPUID.7.0:ECX.PKU = 0\\)\\)\n" } */
/* { dg-output "pkeyplug: key 'vault' -> emulated\[^\n\]*\n" } */
/* { dg-output "sum 1240\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'table' at offset 12 \\(object of 64 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(emulated, mprotect\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in peek\\+0x\[0-9a-f\]+ \\(\[^\n\]*valgrind.exe\\+0x\[0-9a-f\]+\\)\n" } */
