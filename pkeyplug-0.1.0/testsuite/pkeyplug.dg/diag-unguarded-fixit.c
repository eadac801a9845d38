/* The fix-it hint adds the attribute to the function.  */
/* { dg-do compile } */
/* { dg-options "-fdiagnostics-parseable-fixits" } */

int secret __attribute__ ((pkey ("vault")));

int
leak (void)
{
  return secret;	/* { dg-warning "'leak' reads 'secret' without holding its key 'vault'" } */
}
/* { dg-message {\{8:1-8:1\}:"__attribute__ \(\(pkey \(.*vault.*\)\)\) "} "" { target *-*-* } 0 } */
