/* Unit 5 of compact-layout.c.  */
#define UNIT 5
#include "compact-unit.h"
