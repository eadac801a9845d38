/* -fplugin-arg-pkeyplug-gates=fast: the exit gate writes back the value
   saved on entry, with no second RDPKRU and no check.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-gates=fast" } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) void
put (int v)
{
  secret = v;
}
/* { dg-final { scan-assembler-times "# rdpkru" 1 } } */
/* { dg-final { scan-assembler-times "# wrpkru" 2 } } */
/* { dg-final { scan-assembler-not "ud2" } } */
