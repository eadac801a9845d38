/* message.c -- what the runtime says on stderr: fatal start-up
   messages, verbose notes, and the abort after a misuse or a violation.

   One line per message, written in one write (2), so that lines of
   several threads do not mix; no stdio and no malloc, so that the
   violation report (report.c) and the other signal-time paths can say
   things too.  */

#include "pkeyrt.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write all LEN bytes at BUF to stderr.  */

void
pkeyrt_write_all (const char *buf, size_t len)
{
  while (len > 0)
    {
      ssize_t n = write (STDERR_FILENO, buf, len);

      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	return;
      buf += n;
      len -= (size_t) n;
    }
}

/* Print "pkeyplug: " FMT "\n" on stderr, in one write.  */

static void
vmessage (const char *fmt, va_list ap)
{
  char buf[1024];
  int n = snprintf (buf, sizeof buf, "pkeyplug: ");
  int m = vsnprintf (buf + n, sizeof buf - n - 1, fmt, ap);

  if (m < 0)
    m = 0;
  n += m;
  if (n > (int) sizeof buf - 2)
    n = sizeof buf - 2;
  buf[n++] = '\n';
  pkeyrt_write_all (buf, n);
}

void
pkeyrt_fatal (int status, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  vmessage (fmt, ap);
  va_end (ap);
  _exit (status);
}

void
pkeyrt_note (const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  vmessage (fmt, ap);
  va_end (ap);
}

/* Abort, as a violation does.  A user's SIGABRT handler must not turn
   this into anything but 134.  */

void
pkeyrt_die (void)
{
  struct sigaction dfl;


  memset (&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset (&dfl.sa_mask);
  sigaction (SIGABRT, &dfl, NULL);
  abort ();
}

/* The program misused the runtime (pkeyplug_free of a foreign pointer):
   say so in one line and abort.  */

void
pkeyrt_abort (const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  vmessage (fmt, ap);
  va_end (ap);
  pkeyrt_die ();
}
