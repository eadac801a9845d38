/* grant-all.c again with a garbage collection at every chance: the
   grant-all keys must survive the collections between the gate pass and
   the late elision pass (they did not, and large units kept every gate),
   and the gates of probe's IPA clone, elided then, must take the abnormal
   edges of its sigsetjmp with them (left behind, they let GCC drop
   probe's test of the mode: a WRPKRU ran in emulate mode).  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-all=vault,conf:read --param ggc-min-expand=0 --param ggc-min-heapsize=0" } */

#include "grant-all.c"

/* { dg-output "value 7, conf writable 0" } */
