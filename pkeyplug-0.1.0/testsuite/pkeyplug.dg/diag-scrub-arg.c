/* scrub takes none, used or all; scrub-stack a number of bytes.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub=some -fplugin-arg-pkeyplug-scrub-stack=lots" } */
/* { dg-error "pkeyplug: unknown plugin argument 'scrub=some'" "" { target *-*-* } 0 } */
/* { dg-error "pkeyplug: unknown plugin argument 'scrub-stack=lots'" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
int x;
