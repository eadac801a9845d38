/* options.c -- read the PKEYPLUG_OPTIONS environment variable.

   PKEYPLUG_OPTIONS holds items separated by ',' or ':' (not the ':' of
   report=exit:N), each NAME=VALUE:
     mode=auto|hw|emulate|off   how to enforce keys (default auto)
     verbose=0|1                say on stderr what the runtime sets up
     mlock=0|1                  lock protected pages in memory
     report=abort|exit:N|continue-in-emulate
				after a violation report, abort (default),
				_exit with status N (0..255), or go on
				(emulated keys only; step.c)
     log_path=PREFIX            also write reports to PREFIX.PID
     overflow=fail|emulate      in hw mode, a key that finds no free
				hardware key stops the program (default)
				or is emulated
     dontdump=1|0               leave protected pages out of core dumps
				(default), or keep them there (dump.c)
   Empty items are skipped.  Anything else ends the process with a one-line
   message and PKEYPLUG_EXIT_OPTIONS: a typo must not silently leave the
   default in force.

   The string is parsed in place, without copying or allocating, so input
   of any length is safe; messages quote at most a short, sanitised prefix
   of the offending item.  */

#include "pkeyrt.h"

#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

/* Longest piece of user input a message quotes.  */
#define QUOTE_MAX 40

/* Copy the LEN bytes at S into BUF (of QUOTE_MAX + 4 bytes) for a message:
   control and non-ASCII bytes become '?', long text is cut with "...".  */

static const char *
quote (char *buf, const char *s, size_t len)
{
  size_t i, n = len > QUOTE_MAX ? QUOTE_MAX : len;

  for (i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      buf[i] = (c >= 0x20 && c < 0x7f) ? (char) c : '?';
    }
  if (n < len)
    {
      memcpy (buf + n, "...", 3);
      n += 3;
    }
  buf[n] = '\0';
  return buf;
}

/* Does the LEN bytes at S spell the NUL-terminated WORD?  */

static int
is_word (const char *s, size_t len, const char *word)
{
  return strlen (word) == len && memcmp (s, word, len) == 0;
}

static void __attribute__ ((noreturn))
bad_value (const char *name, const char *value, size_t len,
	   const char *expected)
{
  char buf[QUOTE_MAX + 4];

  pkeyrt_fatal (PKEYPLUG_EXIT_OPTIONS,
		"PKEYPLUG_OPTIONS: bad value '%s' for %s (use %s)",
		quote (buf, value, len), name, expected);
}

/* report=abort, report=exit:N or report=continue-in-emulate.  */

#define REPORT_VALUES "abort, exit:N or continue-in-emulate"

static void
parse_report (struct pkeyrt_options *opts, const char *value, size_t len)
{
  int n = 0;
  size_t i;

  opts->report_continue = 0;
  if (is_word (value, len, "abort"))
    {
      opts->report_exit = -1;
      return;
    }
  if (is_word (value, len, "continue-in-emulate"))
    {
      /* What ends the process when a violation cannot continue.  */
      opts->report_exit = -1;
      opts->report_continue = 1;
      return;
    }
  if (len < 6 || len > 8 || memcmp (value, "exit:", 5) != 0)
    bad_value ("report", value, len, REPORT_VALUES);
  for (i = 5; i < len; i++)
    {
      if (value[i] < '0' || value[i] > '9')
	bad_value ("report", value, len, REPORT_VALUES);
      n = n * 10 + (value[i] - '0');
    }
  if (n > 255)
    bad_value ("report", value, len, "an exit status of 0 to 255");
  opts->report_exit = n;
}

/* Apply the item of LEN bytes at ITEM to OPTS.  */

static void
parse_item (struct pkeyrt_options *opts, const char *item, size_t len)
{
  char buf[QUOTE_MAX + 4];
  const char *eq = memchr (item, '=', len);
  const char *value;
  size_t name_len, value_len;

  if (eq == NULL || eq == item)
    pkeyrt_fatal (PKEYPLUG_EXIT_OPTIONS,
		  "PKEYPLUG_OPTIONS: '%s' is not NAME=VALUE",
		  quote (buf, item, len));
  name_len = eq - item;
  value = eq + 1;
  value_len = len - name_len - 1;

  if (is_word (item, name_len, "mode"))
    {
      if (is_word (value, value_len, "auto"))
	opts->request = PKEYRT_REQUEST_AUTO;
      else if (is_word (value, value_len, "hw"))
	opts->request = PKEYRT_REQUEST_HW;
      else if (is_word (value, value_len, "emulate"))
	opts->request = PKEYRT_REQUEST_EMULATE;
      else if (is_word (value, value_len, "off"))
	opts->request = PKEYRT_REQUEST_OFF;
      else
	bad_value ("mode", value, value_len, "auto, hw, emulate or off");
    }
  else if (is_word (item, name_len, "verbose"))
    {
      if (is_word (value, value_len, "0"))
	opts->verbose = 0;
      else if (is_word (value, value_len, "1"))
	opts->verbose = 1;
      else
	bad_value ("verbose", value, value_len, "0 or 1");
    }
  else if (is_word (item, name_len, "mlock"))
    {
      if (is_word (value, value_len, "0"))
	opts->mlock = 0;
      else if (is_word (value, value_len, "1"))
	opts->mlock = 1;
      else
	bad_value ("mlock", value, value_len, "0 or 1");
    }
  else if (is_word (item, name_len, "scan"))
    {
      if (is_word (value, value_len, "0"))
	opts->scan = PKEYRT_SCAN_OFF;
      else if (is_word (value, value_len, "1"))
	opts->scan = PKEYRT_SCAN_ON;
      else if (is_word (value, value_len, "strict"))
	opts->scan = PKEYRT_SCAN_STRICT;
      else
	bad_value ("scan", value, value_len, "0, 1 or strict");
    }
  else if (is_word (item, name_len, "dontdump"))
    {
      if (is_word (value, value_len, "0"))
	opts->dontdump = 0;
      else if (is_word (value, value_len, "1"))
	opts->dontdump = 1;
      else
	bad_value ("dontdump", value, value_len, "0 or 1");
    }
  else if (is_word (item, name_len, "harden"))
    {
      if (is_word (value, value_len, "0"))
	opts->harden = 0;
      else if (is_word (value, value_len, "1"))
	opts->harden = 1;
      else
	bad_value ("harden", value, value_len, "0 or 1");
    }
  else if (is_word (item, name_len, "report"))
    parse_report (opts, value, value_len);
  else if (is_word (item, name_len, "log_path"))
    {
      if (value_len == 0 || value_len > PKEYRT_LOG_PATH_MAX)
	bad_value ("log_path", value, value_len,
		   "a file name prefix of 1 to " 
		   PKEYRT_STRINGIFY (PKEYRT_LOG_PATH_MAX) " characters");
      memcpy (opts->log_path, value, value_len);
      opts->log_path[value_len] = '\0';
    }
  else if (is_word (item, name_len, "overflow"))
    {
      if (is_word (value, value_len, "fail"))
	opts->overflow_emulate = 0;
      else if (is_word (value, value_len, "emulate"))
	opts->overflow_emulate = 1;
      else
	bad_value ("overflow", value, value_len, "fail or emulate");
    }
  else
    pkeyrt_fatal (PKEYPLUG_EXIT_OPTIONS,
		  "PKEYPLUG_OPTIONS: unknown option '%s' (known: mode, "
		  "verbose, mlock, report, log_path, overflow, scan, "
		  "harden, dontdump)",
		  quote (buf, item, name_len));
}

/* The value of PKEYPLUG_OPTIONS in ENV (the environment array the
   process started with), or NULL.  Like secure_getenv, ignored in a
   set-user-ID or otherwise privileged process (AT_SECURE), so that whoever
   starts it cannot turn the protection off.  Not secure_getenv itself:
   the shared runtime starts before the C library's own initialiser has
   set environ.  */

static const char *
options_variable (char **env)
{
  static const char name[] = "PKEYPLUG_OPTIONS=";

  if (getauxval (AT_SECURE) != 0 || env == NULL)
    return NULL;
  for (; *env != NULL; env++)
    if (strncmp (*env, name, sizeof name - 1) == 0)
      return *env + sizeof name - 1;
  return NULL;
}

/* Fill OPTS from the environment ENV, or environ if ENV is NULL.  */

void
pkeyrt_parse_options (struct pkeyrt_options *opts, char **env)
{
  const char *s = options_variable (env != NULL ? env : environ);

  opts->request = PKEYRT_REQUEST_AUTO;
  opts->verbose = 0;
  opts->mlock = 0;
  opts->report_exit = -1;
  opts->log_path[0] = '\0';
  opts->overflow_emulate = 0;
  opts->report_continue = 0;
  opts->scan = PKEYRT_SCAN_OFF;
  opts->harden = 0;
  opts->dontdump = 1;
  if (s == NULL)
    return;

  while (*s != '\0')
    {
      size_t len = strcspn (s, ",:");

      /* report=exit:N has the separator ':' in its value.  */
      if (len == 11 && memcmp (s, "report=exit", 11) == 0 && s[len] == ':')
	len += 1 + strcspn (s + len + 1, ",:");
      if (len > 0)
	parse_item (opts, s, len);
      s += len;
      if (*s != '\0')
	s++;
    }
}
