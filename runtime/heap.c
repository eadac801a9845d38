/* heap.c -- heap secrets: pkeyplug_malloc and friends (being written).  */

#include "pkeyrt.h"
