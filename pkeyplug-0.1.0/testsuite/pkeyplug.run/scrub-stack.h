/* scrub-stack.h -- shared by scrub-stack*.c: a granting function calls a
   helper that copies the secret into its frame; once the grant has
   returned, main looks for the secret's bytes in the dead stack below.  */

#include <stdio.h>
#include <pkeyplug.h>

unsigned char secret[16] PKEY_PROTECT ("vault") = "S3cr3t-p4ssw0rd!";

__attribute__ ((noinline)) static int
copy_out (void)
{
  volatile unsigned char copy[16];
  for (int i = 0; i < 16; i++)
    copy[i] = secret[i];
  return copy[3];
}

PKEY_GRANT ("vault") __attribute__ ((noinline)) static int
use_secret (void)
{
  return copy_out ();
}

/* Look for the secret below FROM without calling anything (a call would
   overwrite what it looks at).  */
__attribute__ ((always_inline)) static inline int
found_below (volatile unsigned char *from, unsigned long bytes)
{
  static const char pattern[] = "S3cr3t-p4ssw0rd!";
  for (unsigned long i = 16; i < bytes; i++)
    {
      int j = 0;
      while (j < 16 && from[-(long) i + j] == (unsigned char) pattern[j])
	j++;
      if (j == 16)
	return 1;
    }
  return 0;
}

int
main (void)
{
  volatile unsigned char here;
  int v = use_secret ();
  int found = found_below (&here, 4096);
  printf ("%c; secret bytes below the stack pointer: %s\n", v,
	  found ? "found" : "none");
  return 0;
}
