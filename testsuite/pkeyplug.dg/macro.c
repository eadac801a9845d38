/* The plugin predefines __PKEYPLUG__, so pkeyplug.h compiles.  */
/* { dg-do compile } */

#include <pkeyplug.h>
#ifndef __PKEYPLUG__
#error "__PKEYPLUG__ is not defined"
#endif
#if __PKEYPLUG__ != 1
#error "__PKEYPLUG__ is not the ABI version"
#endif
int secret PKEY_PROTECT ("k");
