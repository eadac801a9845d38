/* Keys are independent: a function granted one key cannot touch another;
   several pkey attributes grant several keys.  */
/* { dg-do run } */

#include <stdio.h>
#include "probe.h"
#include <pkeyplug.h>

int a PKEY_PROTECT ("alpha") = 1;
int b PKEY_PROTECT ("beta") = 2;

PKEY_GRANT ("alpha") static void
only_alpha (int *ra, int *rb)
{
  *ra = CAN_WRITE (a);
  *rb = CAN_READ (b);
}

PKEY_GRANT ("alpha") PKEY_GRANT_READ ("beta") static int
both (int *wb)
{
  *wb = CAN_WRITE (b);
  return a + b;
}

int
main (void)
{
  int ra, rb, wb;
  only_alpha (&ra, &rb);
  int sum = both (&wb);
  printf ("alpha only: a %d b %d; both: sum %d, b writable %d; after: %d %d\n",
	  ra, rb, sum, wb, CAN_READ (a), CAN_READ (b));
  return !(ra && !rb && sum == 3 && !wb && !CAN_READ (a) && !CAN_READ (b));
}
/* { dg-output "alpha only: a 1 b 0; both: sum 3, b writable 0; after: 0 0" } */
