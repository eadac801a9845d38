/* scan=strict trusts nothing but listed gates: glibc's pkey_set and the
   dynamic linker's XRSTORs, which scan=1 lets through, stop the
   program.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS scan=strict } */
/* { dg-exit-status 85 } */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

int
main (void)
{
  printf ("main ran\n");
  return 0;
}
/* { dg-output "^pkeyplug: scan=strict: stray (wrpkru|xrstor) at 0x\[0-9a-f\]+ in \[^\n\]*(libc|ld-linux)\[^\n\]*; refusing to run\n$" } */
