/* AddressSanitizer pads ordinary globals with redzones and registers
   them; protected objects get neither (their sections are ASan-free), so
   the page isolation holds with ASan on: the runtime's layout check at
   start-up passes, ordinary neighbours of every size (redzones included)
   stay usable while the key is locked and share no page with a
   protected object, and protected objects of awkward sizes (one byte,
   exactly a page, a page and a byte) are locked from their first byte
   to their last.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address" } */
/* { dg-env ASAN_OPTIONS "" } */

#include <stdint.h>
#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

char before_data[3] = "ab";
long before_bss[5];
char s_byte PKEY_PROTECT ("vault") = 1;
char s_page[4096] PKEY_PROTECT ("vault");
char s_more[4097] PKEY_PROTECT ("vault") = "x";
char after_data[4097] = "cd";
char after_bss[17];

struct span
{
  const char *p;
  size_t n;
};

#define PAGE(a) ((uintptr_t) (a) / 4096)

int
main (void)
{
  struct span plain[] = { { before_data, sizeof before_data },
			  { (char *) before_bss, sizeof before_bss },
			  { after_data, sizeof after_data },
			  { after_bss, sizeof after_bss } };
  struct span prot[] = { { &s_byte, 1 }, { s_page, sizeof s_page },
			 { s_more, sizeof s_more } };
  int bad = 0;

  for (unsigned i = 0; i < 4; i++)
    {
      /* The object and the 32 bytes ASan puts after it at least.  */
      uintptr_t lo = PAGE (plain[i].p), hi = PAGE (plain[i].p + plain[i].n + 31);
      if (!CAN_WRITE (plain[i].p[0]) || !CAN_WRITE (plain[i].p[plain[i].n - 1]))
	{
	  printf ("neighbour %u is locked\n", i);
	  bad++;
	}
      for (unsigned j = 0; j < 3; j++)
	if (!(hi < PAGE (prot[j].p) || lo > PAGE (prot[j].p + prot[j].n - 1)))
	  {
	    printf ("neighbour %u shares a page with secret %u\n", i, j);
	    bad++;
	  }
    }
  for (unsigned j = 0; j < 3; j++)
    if (CAN_READ (prot[j].p[0]) || CAN_READ (prot[j].p[prot[j].n - 1]))
      {
	printf ("secret %u is readable\n", j);
	bad++;
      }
  printf ("bad %d\n", bad);
  return bad;
}
/* { dg-output "bad 0\n" } */
