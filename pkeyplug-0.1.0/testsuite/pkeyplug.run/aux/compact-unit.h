/* compact-unit.h -- one of the ten units of compact-layout.c: ten
   protected ints of key "k" (initialised to UNIT + 1, so in .pkeyplug.k, not .bss) and a
   granting function that sums them.  UNIT is the unit's number.  */

#include <pkeyplug.h>

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_ (a, b)
#define VAR(i) CAT (CAT (u, UNIT), _##i)

int VAR (0) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (1) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (2) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (3) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (4) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (5) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (6) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (7) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (8) PKEY_PROTECT ("k") = UNIT + 1;
int VAR (9) PKEY_PROTECT ("k") = UNIT + 1;

PKEY_GRANT ("k") int
CAT (sum_unit, UNIT) (void)
{
  return VAR (0) + VAR (1) + VAR (2) + VAR (3) + VAR (4) + VAR (5) + VAR (6)
	 + VAR (7) + VAR (8) + VAR (9);
}
