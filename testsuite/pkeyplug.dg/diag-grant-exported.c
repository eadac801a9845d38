/* grant-exported values are checked like grant-all's.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-exported=ok,bad-name,k:write" } */
/* { dg-error "pkeyplug: 'grant-exported' key name 'bad-name' is not an identifier of at most 64 characters" "" { target *-*-* } 0 } */
/* { dg-error "pkeyplug: unknown access 'write' in 'grant-exported'; expected 'read' or 'readwrite'" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
int x;
