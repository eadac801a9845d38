/* scan=1: a WRPKRU hidden in an immediate stops the program before
   main, naming the address, the file and offset, and the function.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS scan=1 } */
/* { dg-exit-status 85 } */

#include "scan-gadget.h"

/* { dg-output "^pkeyplug: scan=1: stray wrpkru at 0x\[0-9a-f\]+ in \[^\n\]*.scan-gadget.exe\\+0x\[0-9a-f\]+ \\(in hidden_gadget\\+0x\[0-9a-f\]+\\); refusing to run\n$" } */
