/* demo.c -- pkeyplug on one screen.

   master_key is protected by key "vault": only sign (), which holds the
   key, and what it calls may touch it.  `demo sign' signs a message;
   `demo peek' reads the key from main, which must fault with a report
   naming the variable.

   Build: gcc -fplugin=pkeyplug -O2 demo.c -lpkeyrt  (or: make demo)  */

#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault")
  = "correct horse battery staple";

/* A toy MAC: never use it for anything real.  */
PKEY_GRANT ("vault") static unsigned int
sign (const char *msg)
{
  unsigned int h = 2166136261u;
  for (size_t i = 0; msg[i]; i++)
    h = (h ^ (unsigned char) msg[i] ^ master_key[i % sizeof master_key])
	* 16777619u;
  return h;
}

int
main (int argc, char **argv)
{
  const char *what = argc > 1 ? argv[1] : "sign";

  printf ("pkeyplug demo: runtime mode %s, key 'vault' is hw key %d\n",
	  pkeyplug_mode_name (pkeyplug_mode ()), pkeyplug_key_of ("vault"));
  if (strcmp (what, "peek") == 0)
    {
      printf ("main reads master_key without holding key 'vault'...\n");
      fflush (stdout);
      printf ("first byte: %d (protection failed!)\n", master_key[0]);
      return 1;
    }
  printf ("sign (\"hello\") = %08x (inside the grant)\n", sign ("hello"));
  return 0;
}
