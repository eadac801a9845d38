/* A unit with no keys, compiled with the plugin, that takes the
   addresses of exit, quick_exit and abort (in its code, in a static
   table, in a compound literal at file scope): it gets the plugin's
   stand-ins, the same one everywhere, whose call of the runtime is a
   weak reference, so it links and runs without libpkeyrt, static or
   not.  */
#include <stdio.h>
#include <stdlib.h>

static void (*const table[]) (int) = { exit, quick_exit };
static void (**const literal) (int) = (void (*[]) (int)) { exit };

static void
at_exit (void)
{
  puts ("exited");
}

int
main (int argc, char **argv)
{
  void (*volatile leave) (int) = table[0];
  void (*volatile stop) (void) = abort;

  (void) argv;
  atexit (at_exit);
  if (argc > 5)
    stop ();
  if (leave != exit || *literal != exit || table[1] != quick_exit)
    return 1;
  leave (3);
}
