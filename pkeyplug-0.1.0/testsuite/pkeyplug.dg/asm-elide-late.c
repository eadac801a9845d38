/* asm-elide.c with the inlining left to the IPA inliner (no early
   inlining, no always_inline): the elision after it removes the same
   gates.  */
/* { dg-do compile } */
/* { dg-options "-fno-early-inlining" } */

int secret __attribute__ ((pkey ("k")));

static inline __attribute__ ((pkey ("k"))) void
bump (void)
{
  secret++;
}

static inline __attribute__ ((pkey ("k", "read"))) int
peek (void)
{
  return secret;
}

__attribute__ ((pkey ("k"))) int
outer (void)
{
  bump ();
  return peek ();
}

__attribute__ ((pkey ("k", "read"))) int
outer_read (void)
{
  return peek () + 1;
}

__attribute__ ((pkey ("k", "read"))) void
outer_read_w (void)
{
  bump ();
}

void
plain (void)
{
  bump ();
}
/* { dg-final { scan-assembler-times "# wrpkru" 10 } } */
/* { dg-final { scan-assembler-not "call\t(bump|peek)" } } */
