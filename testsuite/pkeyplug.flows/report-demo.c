/* The flows report of the demo (examples/demo.c): key vault, its object
   master_key, its grant sign, and no sink and no declassification.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no -fplugin-arg-pkeyplug-flows=report-demo.json" } */

#include "../../examples/demo.c"

/* { dg-final { scan-file report-demo.json {"unit": "[^"]*report-demo\.c",\s*"keys": \[\s*\x7b "key": "vault",} } } */
/* { dg-final { scan-file report-demo.json {"objects": \[\x7b "name": "master_key", "file": "[^"]*examples/demo\.c", "line": 14 \x7d\],} } } */
/* { dg-final { scan-file report-demo.json {"grants": \[\x7b "name": "sign", "file": "[^"]*examples/demo\.c", "line": 19 \x7d\],} } } */
/* { dg-final { scan-file report-demo.json {"sinks": \[\],\s*"declassified": \[\] \x7d\s*\] \x7d} } } */
