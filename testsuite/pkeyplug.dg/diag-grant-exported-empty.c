/* grant-exported without a value is an error that shows the syntax.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-exported" } */
/* { dg-error "pkeyplug: 'grant-exported' needs a value: 'grant-exported=KEY\\\[:read\\\]\\\[,KEY\\\[:read\\\]...\\\]'" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */
int x;
