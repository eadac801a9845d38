/* Protected objects share no page with anything else: unprotected
   globals next to them in .data and .bss, in this unit and another one,
   stay usable while the key is locked, and no protected page holds a byte
   of them.  */
/* { dg-do run } */
/* { dg-additional-sources "aux/neighbours-other.c" } */

#include <stdint.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int data_before = 1;
int bss_before;
char secret_data[10] PKEY_PROTECT ("vault") = "hidden";
char secret_bss[3000] PKEY_PROTECT ("vault");
int data_after = 2;
int bss_after;
extern int other_data, other_bss;
extern char other_secret[];

#define PAGE(p) ((uintptr_t) (p) / 4096)

static int
apart (const void *plain, size_t size, const void *prot, size_t psize)
{
  uintptr_t a0 = PAGE (plain), a1 = PAGE ((const char *) plain + size - 1);
  uintptr_t p0 = PAGE (prot), p1 = PAGE ((const char *) prot + psize - 1);
  return a1 < p0 || a0 > p1;
}

int
main (void)
{
  int *plain[] = { &data_before, &bss_before, &data_after, &bss_after,
		   &other_data, &other_bss };
  int bad = 0;
  for (unsigned i = 0; i < sizeof plain / sizeof plain[0]; i++)
    {
      *plain[i] += 1;
      if (!CAN_WRITE (*plain[i])
	  || !apart (plain[i], sizeof (int), secret_data, sizeof secret_data)
	  || !apart (plain[i], sizeof (int), secret_bss, sizeof secret_bss)
	  || !apart (plain[i], sizeof (int), other_secret, 100))
	{
	  printf ("neighbour %u shares a page or is locked\n", i);
	  bad++;
	}
    }
  if (CAN_READ (secret_data) || CAN_READ (secret_bss[2999])
      || CAN_READ (other_secret[0]))
    {
      printf ("a protected object is readable\n");
      bad++;
    }
  printf ("sum %d, bad %d\n", data_before + bss_before + data_after
	  + bss_after + other_data + other_bss, bad);
  return bad;
}
/* { dg-output "sum 16, bad 0" } */
