/* Unit 1 of compact-layout.c.  */
#define UNIT 1
#include "compact-unit.h"
