/* scan=strict in a static program: glibc's lazy-binding XRSTOR, linked
   into the program, is named with its function from .symtab.  */
/* { dg-do run } */
/* { dg-options "-static" } */
/* { dg-env PKEYPLUG_OPTIONS scan=strict } */
/* { dg-exit-status 85 } */

#include "nested.c"

/* { dg-output "^pkeyplug: scan=strict: stray xrstor at 0x\[0-9a-f\]+ in \[^\n\]*scan-static-strict.exe\\+0x\[0-9a-f\]+ \\(in _dl_runtime_resolve_xsavec?\\+0x\[0-9a-f\]+\\); refusing to run\n$" } */
