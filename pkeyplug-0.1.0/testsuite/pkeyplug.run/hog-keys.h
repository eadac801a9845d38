/* hog-keys.h -- take hardware protection keys before any constructor runs,
   as other code of a process may have done before the runtime starts.

   Define HOG_GIVE_BACK to the number of keys to leave free (default 0)
   before including this file.  A .preinit_array entry of the executable
   runs before the initialisers of every shared library, libpkeyrt's
   included.  */

#ifndef HOG_KEYS_H
#define HOG_KEYS_H

#include <sys/syscall.h>
#include <unistd.h>

#ifndef HOG_GIVE_BACK
# define HOG_GIVE_BACK 0
#endif

static void
hog_keys (int argc, char **argv, char **envp)
{
  long taken[16], k;
  int n = 0;

  (void) argc; (void) argv; (void) envp;
  while (n < 16 && (k = syscall (SYS_pkey_alloc, 0, 0)) >= 0)
    taken[n++] = k;
  for (k = 0; k < HOG_GIVE_BACK && n > 0; k++)
    syscall (SYS_pkey_free, taken[--n]);
}

__attribute__ ((section (".preinit_array"), used))
static void (*hog) (int, char **, char **) = hog_keys;

#endif
