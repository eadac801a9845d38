/* warn-unguarded=no turns the warning off, and a grant-all unit holds the
   key everywhere.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } */

int secret __attribute__ ((pkey ("vault")));

int
leak (void)
{
  return secret;	/* { dg-bogus "warning" } */
}
