/* latelib.c -- a library loaded after a thread of the program started:
   a readonly key that every thread may read, and a noaccess key.  */
#include <pkeyplug.h>

const int late_notice PKEY_PROTECT_READONLY ("notice") = 42;
int late_secret PKEY_PROTECT ("latevault") = 7;
