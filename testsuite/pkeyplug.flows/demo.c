/* The demo (examples/demo.c) gives no flow warning: sign () returns a
   MAC computed from the key, which is meant to leave, and main's read of
   master_key faults (it gets the unguarded warning, turned off here, and
   is no source).  Any warning is an excess error.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } */

#include "../../examples/demo.c"
