/* The flows report lists, per key, each sink with its kind, function,
   line and source (and the helper it goes through), and each
   declassification; -Wno-attributes hides the warnings, not the
   report.  */
/* { dg-do compile } */
/* { dg-options "-Wno-attributes -fplugin-arg-pkeyplug-flows=report.json" } */

#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault");
static int token PKEY_PROTECT ("door");
unsigned char log_buf[32];

static void
save (const unsigned char *k)
{
  memcpy (log_buf, k, 32);
}

PKEY_GRANT ("vault") void
backup (void)
{
  unsigned char copy[32];
  memcpy (log_buf, master_key, 32);
  save (master_key);
  memcpy (copy, master_key, 32);
  pkeyplug_declassify (copy);
  fwrite (copy, 1, 32, stdout);
}

PKEY_GRANT ("door") int
open_door (void)
{
  printf ("%d\n", token);
  return token;
}

/* { dg-final { scan-file report.json {\x7b "key": "door",\s*"objects": \[\x7b "name": "token", "file": "[^"]*report\.c", "line": 13 \x7d\],\s*"grants": \[\x7b "name": "open_door", "file": "[^"]*report\.c", "line": 34 \x7d\],} } } */
/* { dg-final { scan-file report.json {\x7b "kind": "output", "function": "open_door", "file": "[^"]*report\.c", "line": 36, "derived": false,\s*"source": \x7b "name": "token", "file": "[^"]*report\.c", "line": 36 \x7d \x7d} } } */
/* { dg-final { scan-file report.json {\x7b "kind": "return", "function": "open_door", "file": "[^"]*report\.c", "line": 37,} } } */
/* { dg-final { scan-file report.json {\x7b "key": "vault",\s*"objects": \[\x7b "name": "master_key", "file": "[^"]*report\.c", "line": 12 \x7d\],\s*"grants": \[\x7b "name": "backup", "file": "[^"]*report\.c", "line": 23 \x7d\],} } } */
/* { dg-final { scan-file report.json {\x7b "kind": "copy", "function": "backup", "file": "[^"]*report\.c", "line": 26, "derived": false,\s*"source": \x7b "name": "master_key", "file": "[^"]*report\.c", "line": 26 \x7d \x7d} } } */
/* { dg-final { scan-file report.json {\x7b "kind": "copy", "function": "backup", "file": "[^"]*report\.c", "line": 27, "derived": false,\s*"source": \x7b "name": "master_key", "file": "[^"]*report\.c", "line": 27 \x7d, "via": "save" \x7d} } } */
/* { dg-final { scan-file report.json {"declassified": \[\s*\x7b "function": "backup", "name": "copy", "file": "[^"]*report\.c", "line": 29 \x7d\] \x7d} } } */
/* { dg-final { scan-file-not report.json {"line": 30} } } */
