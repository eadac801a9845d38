/* Unit 7 of compact-layout.c.  */
#define UNIT 7
#include "compact-unit.h"
