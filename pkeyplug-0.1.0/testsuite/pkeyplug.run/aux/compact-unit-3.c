/* Unit 3 of compact-layout.c.  */
#define UNIT 3
#include "compact-unit.h"
