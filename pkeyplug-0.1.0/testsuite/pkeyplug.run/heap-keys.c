/* Blocks of two keys never share a page, and each key's grant opens its
   own blocks only.  */
/* { dg-do run } */

#include <stdint.h>
#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

#define PAGE(p) ((uintptr_t) (p) / 4096)
#define N 64

static char *alpha[N], *beta[N];
static int failures;

PKEY_GRANT ("alpha") static void
in_alpha (void)
{
  for (int i = 0; i < N; i++)
    if (!CAN_WRITE (alpha[i][0]) || CAN_READ (beta[i][0]))
      failures++;
}

PKEY_GRANT ("beta") static void
in_beta (void)
{
  for (int i = 0; i < N; i++)
    if (CAN_READ (alpha[i][0]) || !CAN_WRITE (beta[i][0]))
      failures++;
}

int
main (void)
{
  int shared = 0;
  static int plain = 1;

  /* Interleaved, of several sizes, small and big.  */
  for (int i = 0; i < N; i++)
    {
      size_t n = (size_t) 8 << (i % 11);
      alpha[i] = pkeyplug_malloc ("alpha", n);
      beta[i] = pkeyplug_malloc ("beta", n);
      if (!alpha[i] || !beta[i])
	return 2;
    }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      if (PAGE (alpha[i]) == PAGE (beta[j]))
	shared++;
  for (int i = 0; i < N; i++)
    if (PAGE (alpha[i]) == PAGE (&plain) || PAGE (beta[i]) == PAGE (&plain)
	|| PAGE (alpha[i]) == PAGE (&shared))
      shared++;
  in_alpha ();
  in_beta ();
  printf ("shared pages %d, failures %d, keys differ %d\n", shared, failures,
	  pkeyplug_mode () != PKEYPLUG_MODE_HW
	  || pkeyplug_key_of ("alpha") != pkeyplug_key_of ("beta"));
  return shared || failures;
}
/* { dg-output "shared pages 0, failures 0, keys differ 1" } */
