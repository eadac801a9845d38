/* Debian's default hardening flags (stack protector, _FORTIFY_SOURCE=2,
   CET's -fcf-protection, full RELRO) build a program whose grants work,
   fortified string functions included, and whose read outside every
   grant still ends in pkeyplug's report.  _FORTIFY_SOURCE needs -O1 or
   more: -O2 comes after the level in the options.  */
/* { dg-do run } */
/* { dg-options "-fstack-protector-strong -D_FORTIFY_SOURCE=2 -fcf-protection -Wl,-z,relro,-z,now -rdynamic -O2" } */
/* { dg-exit-status 134 } */

#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

static char password[32] PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static size_t
set (const char *s)
{
  char local[40];		/* An array: the stack protector's canary.  */
  strcpy (local, s);
  memcpy (password, local, sizeof password);
  return strlen (password);
}

int __attribute__ ((noinline))
peek (int i)
{
  return ((volatile char *) password)[i];
}

int
main (void)
{
  printf ("set %zu\n", set ("correct horse battery"));
  fflush (stdout);
  printf ("peeked %d\n", peek (2));
  return 0;
}
/* { dg-output "set 21\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'password' at offset 2 \\(object of 32 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\((hw key \[0-9\]+, SEGV_PKUERR|emulated, mprotect)\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in peek\\+0x\[0-9a-f\]+ \\(\[^\n\]*hardening.exe\\+0x\[0-9a-f\]+\\)\n" } */
