/* gates takes checked, fast or sealed.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-gates=unchecked" } */
/* { dg-error "pkeyplug: unknown plugin argument 'gates=unchecked'; valid: .*'gates=checked\\|fast\\|sealed'" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
int x;
