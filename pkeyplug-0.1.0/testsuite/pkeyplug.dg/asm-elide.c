/* A granting function inlined where its key is already held at least as
   strongly loses its gates; inlined where the key is not held, or held
   only for reading when it writes, it keeps them.  Without elision this
   unit has 16 WRPKRU; with it 10 (2 per function, 4 in outer_read_w).  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("k")));

static inline __attribute__ ((always_inline, pkey ("k"))) void
bump (void)
{
  secret++;
}

static inline __attribute__ ((always_inline, pkey ("k", "read"))) int
peek (void)
{
  return secret;
}

/* rw around rw and read: both inner gates go.  */
__attribute__ ((pkey ("k"))) int
outer (void)
{
  bump ();
  return peek ();
}

/* read around read: goes.  */
__attribute__ ((pkey ("k", "read"))) int
outer_read (void)
{
  return peek () + 1;
}

/* read around rw: the inner gate must stay, it opens for writing.  */
__attribute__ ((pkey ("k", "read"))) void
outer_read_w (void)
{
  bump ();
}

/* No key around: the gate stays.  */
void
plain (void)
{
  bump ();
}
/* { dg-final { scan-assembler-times "# wrpkru" 10 } } */
/* { dg-final { scan-assembler-times "call\t__pkeyplug_emulate_open" 5 } } */
