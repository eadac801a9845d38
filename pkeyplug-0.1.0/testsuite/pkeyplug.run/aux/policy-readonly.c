/* Second unit of policy-conflict.c: the same key, readonly.  */
#include <pkeyplug.h>
int other PKEY_PROTECT_READONLY ("shared");
