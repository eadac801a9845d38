/* scan=1 in a static program: its copy of glibc's lazy-binding
   XRSTORs is recognised by the program's own .symtab, the runtime's
   gates by the program's pkeyplug_wrpkru list; it runs.  */
/* { dg-do run } */
/* { dg-options "-static" } */
/* { dg-env PKEYPLUG_OPTIONS scan=1 } */

#include "nested.c"

/* { dg-output "failures: 0" } */
