/* -fplugin-arg-pkeyplug-verbose notes what is protected and granted.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-verbose" } */

int secret __attribute__ ((pkey ("k")));	/* { dg-message "pkeyplug: 'secret' protected by key 'k'" } */

__attribute__ ((pkey ("k"))) int
get (void)	/* { dg-message "pkeyplug: 'get' grants read-write access to key 'k'" } */
{
  return secret;
}
