/* options.cc -- the values of the plugin's arguments
   (-fplugin-arg-pkeyplug-*), which pkeyplug.cc sets once in plugin_init
   and every pass reads.  Kept apart from plugin_init so that the passes
   read them from below rather than from the file that starts them.  */

#include "compat.h"
#include "pkeyplug-plugin.h"

bool pkeyplug_verbose;
vec<pkey_use> pkeyplug_grant_all;
vec<pkey_use> pkeyplug_grant_exported;
const char *pkeyplug_scrub = "used";
unsigned HOST_WIDE_INT pkeyplug_scrub_stack;
enum pkeyplug_gate_style pkeyplug_gate_style = PKEYPLUG_CHECKED_GATES;
