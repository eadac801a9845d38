/* A unit with no keys, compiled with the plugin: its setjmp is bracketed
   by weak references to the runtime, so it links and runs without
   libpkeyrt.  */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

int
main (void)
{
  if (setjmp (env) == 0)
    longjmp (env, 1);
  puts ("jumped");
  return 0;
}
