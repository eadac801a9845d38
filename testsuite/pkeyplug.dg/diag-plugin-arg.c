/* A misspelt plugin argument is an error, not silently ignored.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-verbos" } */
/* { dg-error "pkeyplug: unknown plugin argument 'verbos'; valid: 'verbose', 'version'" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
int x;
