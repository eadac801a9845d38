/* Unit 4 of compact-layout.c.  */
#define UNIT 4
#include "compact-unit.h"
