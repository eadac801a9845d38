/* grant-all gates every function the user wrote, and only those: the
   unit's registration constructor gets none.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-all=vault" } */

int secret __attribute__ ((pkey ("vault")));
int f (void) { return secret; }
int g (void) { return secret + 1; }
/* { dg-final { scan-assembler-times "# rdpkru" 4 } } */
/* { dg-final { scan-assembler-times "call\t__pkeyplug_emulate_open" 2 } } */
