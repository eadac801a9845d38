/* Unit 9 of compact-layout.c.  */
#define UNIT 9
#include "compact-unit.h"
