/* In a grant-all unit every function holds the key: no warning.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-grant-all=vault" } */

int secret __attribute__ ((pkey ("vault")));

int
reader (void)
{
  return secret;	/* { dg-bogus "warning" } */
}
