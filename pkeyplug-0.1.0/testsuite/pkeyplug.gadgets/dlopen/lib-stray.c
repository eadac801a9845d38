/* A library with a WRPKRU hidden in an immediate (B8 0F 01 EF 00).  */

__attribute__ ((noinline)) int
lib_stray (void)
{
  int r;

  __asm__ __volatile__ ("movl $0x00ef010f, %0" : "=a" (r));
  return r;
}

int
lib_value (void)
{
  return lib_stray () & 7;
}
