/* reader.c -- code outside every grant that reads libsodium's canary:
   sodium_init sets it, then read-module.h reads libsodium's writable
   segments, which hold it.  Must be stopped by a report that names
   'canary'.  */

#include "../read-module.h"
#include <sodium.h>

int
main (void)
{
  if (sodium_init () < 0)
    {
      puts ("reader: sodium_init failed");
      return 2;
    }
  return read_module ("libsodium.so");
}
