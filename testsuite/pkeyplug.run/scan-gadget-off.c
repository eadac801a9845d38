/* The program of scan-gadget.c runs without scan=1: the scan is what
   stops it there.  */
/* { dg-do run } */

#include "scan-gadget.h"

/* { dg-output "^main ran, 6\n$" } */
