/* grant-all values are checked like attribute arguments.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-all=ok,bad-name,k:write" } */
/* { dg-error "pkeyplug: 'grant-all' key name 'bad-name' is not an identifier of at most 64 characters" "" { target *-*-* } 0 } */
/* { dg-error "pkeyplug: unknown access 'write' in 'grant-all'; expected 'read' or 'readwrite'" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
int x;
