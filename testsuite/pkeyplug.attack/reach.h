/* reach.h -- for the harden=1 attack tests: what an attacker does with a
   descriptor it managed to get.  Each test protects SECRET (16 bytes,
   SECRET_TEXT) and, when an open it must not get succeeds, tries to read
   and overwrite the secret through it, so that a hole shows as harm, not
   only as a wrong line.  */

#ifndef REACH_H
#define REACH_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "../pkeyplug.run/harden.h"
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

#define SECRET_TEXT "s3cret-s3cret!!"

unsigned char secret[16] PKEY_PROTECT ("vault") = SECRET_TEXT;

/* Is the secret still what it was?  */
PKEY_GRANT ("vault") static int
secret_intact (void)
{
  return memcmp (secret, SECRET_TEXT, sizeof secret) == 0;
}

/* Through FD: 1 if reading at the secret's address gave it, 2 if writing
   there changed it (both: 3).  */
static int
reach (int fd)
{
  char buf[sizeof secret];
  off_t at = (off_t) (uintptr_t) secret;
  int r = 0;

  if (pread (fd, buf, sizeof buf, at) == (ssize_t) sizeof buf
      && memcmp (buf, SECRET_TEXT, sizeof buf) == 0)
    r |= 1;
  if (pwrite (fd, "PWNED", 5, at) == 5 && !secret_intact ())
    r |= 2;
  return r;
}

/* Say how an open that must fail ended; if it gave a descriptor, say
   what it reaches.  */
static void
try_open (const char *what, long fd)
{
  say (what, fd);
  if (fd >= 0)
    {
      int r = reach ((int) fd);

      if (r & 1)
	printf ("%s: read the secret\n", what);
      if (r & 2)
	printf ("%s: wrote over the secret\n", what);
      close ((int) fd);
    }
}

/* The last line of every test.  */
static int
verdict (void)
{
  int locked = !CAN_READ (secret[0]), intact = secret_intact ();

  printf ("locked %d, intact %d\n", locked, intact);
  return !(locked && intact);
}

#endif
