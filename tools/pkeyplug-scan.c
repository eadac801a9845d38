/* pkeyplug-scan.c -- find stray WRPKRU/XRSTOR byte sequences in ELF files
   (being written).  */

#include <stdio.h>

int
main (void)
{
  fputs ("pkeyplug-scan: not implemented yet\n", stderr);
  return 2;
}
