/* scan= and harden= take only the values they document.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS scan=yes } */
/* { dg-exit-status 81 } */

int
main (void)
{
  return 0;
}
/* { dg-output "^pkeyplug: PKEYPLUG_OPTIONS: bad value .yes. for scan \\(use 0, 1 or strict\\)\n$" } */
