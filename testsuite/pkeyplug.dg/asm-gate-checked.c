/* Checked exit gates (the default): the exit gate reads PKRU again,
   writes back only its key's bits, and right after its WRPKRU tests the
   value written against the read-only descriptor (RIP-relative), with a
   UD2 if the key is left open: the read-write grant tests that some bit
   of the key is set (its two bits: three times its AD bit), the read
   grant the key's AD bit.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) void
put (int v)
{
  secret = v;
}

__attribute__ ((pkey ("vault", "read"))) int
get (void)
{
  return secret;
}
/* { dg-final { scan-assembler-times "# rdpkru" 4 } } */
/* { dg-final { scan-assembler-times "# wrpkru" 4 } } */
/* { dg-final { scan-assembler-times "ud2\t# pkeyplug: exit gate left its key open" 2 } } */
/* { dg-final { scan-assembler-times {# wrpkru\n[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\.popsection\n\timull\t\$3, 12\+__pkeyplug_key\.vault\(%rip\), %ecx\n\ttestl\t%ecx, %eax\n\tjnz\t1f\n\tud2} 1 } } */
/* { dg-final { scan-assembler-times {# wrpkru\n[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\.popsection\n\ttestl\t12\+__pkeyplug_key\.vault\(%rip\), %eax\n\tjnz\t1f\n\tud2} 1 } } */
