/* With scrub-stack the body of a granting function runs as a function of
   its own, called between the gates, so that its frame is dead stack
   when the grant closes and clears it: the granting function calls it,
   then the scrubbers.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-scrub-stack=4096" } */

int secret __attribute__ ((pkey ("vault")));
void use (volatile int *);

__attribute__ ((pkey ("vault"))) int
grant (int x)
{
  volatile int copy = secret + x;
  use (&copy);
  return copy;
}
/* { dg-final { scan-assembler {\ngrant\.pkeyplug\.0:} } } */
/* { dg-final { scan-assembler-not {\.globl\tgrant\.pkeyplug\.0} } } */
/* { dg-final { scan-assembler {call\tgrant\.pkeyplug\.0\n([^\n]*\n)*?[^\n]*call\t__pkeyplug_scrub_regs[^\n]*\n([^\n]*\n){0,3}?[^\n]*call\t__pkeyplug_scrub_stack} } } */
