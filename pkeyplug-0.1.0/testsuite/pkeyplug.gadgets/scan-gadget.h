/* scan-gadget.h -- a program with a WRPKRU hidden in an immediate: the
   bytes of "movl $0x00ef010f, %eax" are B8 0F 01 EF 00, and a jump to
   the second one runs WRPKRU.  No pkeyplug gate lists it.  */

#include <stdio.h>
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 5;

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

__attribute__ ((noinline, used)) int
hidden_gadget (void)
{
  int r;

  __asm__ __volatile__ ("movl $0x00ef010f, %0" : "=a" (r));
  return r;
}

int
main (void)
{
  /* Only the low bit: a comparison with the whole value would put the
     same bytes in main.  */
  printf ("main ran, %d\n", get () + (hidden_gadget () & 1));
  return 0;
}
