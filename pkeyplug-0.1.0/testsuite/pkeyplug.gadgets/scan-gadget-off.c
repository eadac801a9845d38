/* The program of scan-gadget.c runs without scan=1: the scan is what
   stops it there.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS scan=0 } */

#include "scan-gadget.h"

/* { dg-output "^main ran, 6\n$" } */
