/* options.c -- read the PKEYPLUG_OPTIONS environment variable.

   PKEYPLUG_OPTIONS holds items separated by ',' or ':', each NAME=VALUE:
     mode=auto|hw|emulate|off   how to enforce keys (default auto)
     verbose=0|1                say on stderr what the runtime sets up
   Empty items are skipped.  Anything else ends the process with a one-line
   message and PKEYPLUG_EXIT_OPTIONS: a typo must not silently leave the
   default in force.

   The string is parsed in place, without copying or allocating, so input
   of any length is safe; messages quote at most a short, sanitised prefix
   of the offending item.  */

#include "pkeyrt.h"

#include <stdlib.h>
#include <string.h>

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
  else
    pkeyrt_fatal (PKEYPLUG_EXIT_OPTIONS,
		  "PKEYPLUG_OPTIONS: unknown option '%s' (known: mode, "
		  "verbose)", quote (buf, item, name_len));
}

/* Fill OPTS from the environment.  secure_getenv: in a set-user-ID or
   otherwise privileged process the variable is ignored, so that whoever
   starts it cannot turn the protection off.  */

void
pkeyrt_parse_options (struct pkeyrt_options *opts)
{
  const char *s = secure_getenv ("PKEYPLUG_OPTIONS");

  opts->request = PKEYRT_REQUEST_AUTO;
  opts->verbose = 0;
  if (s == NULL)
    return;

  while (*s != '\0')
    {
      size_t len = strcspn (s, ",:");

      if (len > 0)
	parse_item (opts, s, len);
      s += len;
      if (*s != '\0')
	s++;
    }
}
