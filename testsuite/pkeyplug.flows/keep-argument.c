/* -fplugin-arg-pkeyplug-flows-keep takes C identifiers (or assembler
   names), comma-separated: anything else is an error, not a silently
   ignored name.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-flows-keep=sha_update,bad-name" } */
/* { dg-error "pkeyplug: 'flows-keep' name 'bad-name' is not an identifier" "" { target *-*-* } 0 } */
/* { dg-error "failed to initialize plugin" "" { target *-*-* } 0 } */

int x;
