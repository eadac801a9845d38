/* The plugin predefines __PKEYPLUG__, so pkeyplug.h compiles.  */
/* { dg-do compile } */

#include <pkeyplug.h>
#include <pkeyplug-abi.h>
#ifndef __PKEYPLUG__
#error "__PKEYPLUG__ is not defined"
#endif
#if __PKEYPLUG__ != PKEYPLUG_ABI_VERSION
#error "__PKEYPLUG__ is not the ABI version"
#endif
int secret PKEY_PROTECT ("k");
