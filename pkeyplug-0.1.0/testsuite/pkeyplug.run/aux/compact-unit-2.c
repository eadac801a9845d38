/* Unit 2 of compact-layout.c.  */
#define UNIT 2
#include "compact-unit.h"
