/* Unit 6 of compact-layout.c.  */
#define UNIT 6
#include "compact-unit.h"
