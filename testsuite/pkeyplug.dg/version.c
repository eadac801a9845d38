/* The plugin predefines its version, and pkeyplug.h gives the same one
   (both from configure.ac); -fplugin-arg-pkeyplug-version says it.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-version" } */
/* { dg-message "pkeyplug \[0-9\]+\\.\[0-9\]+\\.\[0-9\]+ \\(ABI version \[0-9\]+\\), built for GCC \[0-9\]" "" { target *-*-* } 0 } */

#include <pkeyplug.h>
#if !defined __PKEYPLUG_VERSION_MAJOR__ || !defined __PKEYPLUG_VERSION_MINOR__ \
    || !defined __PKEYPLUG_VERSION_PATCHLEVEL__
#error "the plugin does not predefine its version"
#endif
#if __PKEYPLUG_VERSION_MAJOR__ * 10000 + __PKEYPLUG_VERSION_MINOR__ * 100 \
    + __PKEYPLUG_VERSION_PATCHLEVEL__ != PKEYPLUG_VERSION
#error "pkeyplug.h and the plugin disagree about the version"
#endif
#define STR_1(x) #x
#define STR(x) STR_1 (x)
_Static_assert (sizeof PKEYPLUG_VERSION_STRING
		== sizeof (STR (PKEYPLUG_VERSION_MAJOR) "."
			   STR (PKEYPLUG_VERSION_MINOR) "."
			   STR (PKEYPLUG_VERSION_PATCHLEVEL)),
		"PKEYPLUG_VERSION_STRING is MAJOR.MINOR.PATCHLEVEL");
int secret PKEY_PROTECT ("k");
