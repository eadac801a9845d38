/* The gates are compiler barriers.  Unchecked, GCC 12 -O2 moves the load
   in `int v = secret; return v;' past a bare WRPKRU.  After every
   optimisation (the optimized dump) each RDPKRU and WRPKRU is still a
   volatile asm with a "memory" clobber (the entry gate's RDPKRU and
   WRPKRU are one asm, the checked exit gate's too), and in the code the
   hw path keeps each access of the secret between the opening and the
   closing WRPKRU.
   (The run tests show the same on real PKU, where an access moved out of
   the window faults.)  */
/* { dg-do compile } */
/* { dg-options "-fdump-tree-optimized" } */

int secret __attribute__ ((pkey ("vault")));

__attribute__ ((pkey ("vault"))) int
get (void)
{
  int v = secret;
  return v;
}

__attribute__ ((pkey ("vault"))) void
put (int v)
{
  secret = v;
}
/* { dg-final { scan-tree-dump-times {# wrpkru\n} 4 optimized } } */
/* { dg-final { scan-tree-dump-times {__asm__ __volatile__\("[^"]*\.Lpkeyplug_wrpkru%=:\t[^"]*# wrpkru\n[^;]*?\.popsection[^;]*"memory"\);} 4 optimized } } */
/* { dg-final { scan-tree-dump-times {# rdpkru\n} 4 optimized } } */
/* { dg-final { scan-tree-dump-times {__asm__ __volatile__\("[^"]*# rdpkru\n[^;]*"dx", "cc", "memory"\);} 4 optimized } } */
/* { dg-final { scan-assembler {# wrpkru\n([^\n]*\n)*?[^\n]*movl\tsecret\(%rip\)[^\n]*\n([^\n]*\n)*?[^\n]*# wrpkru} } } */
/* { dg-final { scan-assembler {# wrpkru\n([^\n]*\n)*?[^\n]*movl\t%[a-z0-9]+, secret\(%rip\)[^\n]*\n([^\n]*\n)*?[^\n]*# wrpkru} } } */
