/* The other unit of lto.exp: record () copies what it is given to a
   global.  Nothing here is protected, and nothing says that its caller
   holds a key.  */

#include <string.h>

unsigned char log_buf[32];

void
record (const unsigned char *k)
{
  memcpy (log_buf, k, 32);
}
