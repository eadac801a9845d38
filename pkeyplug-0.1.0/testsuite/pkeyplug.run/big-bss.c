/* A large zero-initialised protected buffer costs no file space (it is in
   a .bss. section), is all zeros, and is protected to its last page.  */
/* { dg-do run } */

#include <stdio.h>
#include <sys/stat.h>
#include "probe.h"
#include <pkeyplug.h>

#define POOL_SIZE (32u << 20)
unsigned char pool[POOL_SIZE] PKEY_PROTECT ("vault");

PKEY_GRANT ("vault") static unsigned int
fill (void)
{
  unsigned int sum = 0;
  for (unsigned int i = 0; i < POOL_SIZE; i += 4096)
    sum += pool[i];
  pool[POOL_SIZE - 1] = 9;
  return sum + pool[POOL_SIZE - 1];
}

int
main (void)
{
  struct stat st;
  if (stat ("/proc/self/exe", &st) != 0)
    return 2;
  unsigned int sum = fill ();
  printf ("sum %u, file under 1 MiB %d, last page locked %d\n", sum,
	  st.st_size < (1 << 20), !CAN_READ (pool[POOL_SIZE - 1]));
  return 0;
}
/* { dg-output "sum 9, file under 1 MiB 1, last page locked 1" } */
