/* Unit 8 of compact-layout.c.  */
#define UNIT 8
#include "compact-unit.h"
