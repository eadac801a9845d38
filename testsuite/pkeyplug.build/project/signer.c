/* signer.c -- a small program as a user writes one, built by the CMake
   and Meson projects beside it: a secret, a granting function, ordinary
   globals around the secret.  `signer' signs a message inside the grant;
   `signer peek' reads the secret outside it, which must fault.  */

#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault")
  = "build-system-test-key-0123456789";
int messages;
static char last[64];

PKEY_GRANT ("vault") static unsigned
sign (const char *msg)
{
  unsigned h = 2166136261u;
  size_t n = strlen (msg);

  for (size_t i = 0; i < sizeof master_key; i++)
    h = (h ^ (master_key[i] + (unsigned char) msg[i % n])) * 16777619u;
  return h;
}

static void
peek (void)
{
  printf ("first byte %d (protection failed!)\n",
	  ((volatile unsigned char *) master_key)[0]);
}

int
main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "peek") == 0)
    {
      fflush (stdout);
      peek ();
      return 1;
    }
  messages++;
  snprintf (last, sizeof last, "%08x", sign ("hello"));
  printf ("signed %s, %d message\n", last, messages);
  return 0;
}
