/* harden.h -- for the harden=1 run tests: say how a system call ended,
   in one line that dg-output can match exactly.  */

#ifndef HARDEN_H
#define HARDEN_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Print "WHAT: ok" when R is not -1, else "WHAT: " and errno's name for
   the errnos these tests can meet.  */
static void
say (const char *what, long r)
{
  const char *e = "other";

  if (r != -1)
    {
      printf ("%s: ok\n", what);
      return;
    }
  switch (errno)
    {
    case EPERM: e = "EPERM"; break;
    case EACCES: e = "EACCES"; break;
    case EINVAL: e = "EINVAL"; break;
    case ENOMEM: e = "ENOMEM"; break;
    case EFAULT: e = "EFAULT"; break;
    case ENOSYS: e = "ENOSYS"; break;
    default: break;
    }
  printf ("%s: %s (%s)\n", what, e, strerror (errno));
}

#endif
