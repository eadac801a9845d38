/* scrub=none turns the register clearing off: the same program then
   finds the secret-derived value in r11 (which shows that scrub-regs.c
   tests something).  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub=none" } */
/* { dg-require-pku "" } emulate mode: the gate calls the runtime,
   whose system calls clobber r11 anyway */

#include "scrub-regs.h"

/* { dg-output "r11 after the call holds the secret" } */
