// C++: std::exit called through a pointer inside a grant, in a static
// program: the destructor of a namespace-scope object and the atexit
// handler run with the key locked.
// { dg-do run }
// { dg-options "-static" }

#include <cstdio>
#include <cstdlib>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;

static void
at_exit ()
{
  std::printf ("atexit: locked %d\n", !CAN_READ (secret));
}

struct witness
{
  ~witness ()
  {
    std::printf ("destructor: locked %d\n", !CAN_READ (secret));
    std::fflush (stdout);
  }
} object;

PKEY_GRANT ("vault") static void __attribute__ ((noinline))
finish ()
{
  void (*volatile leave) (int) = std::exit;
  secret++;
  leave (0);
}

int
main ()
{
  std::atexit (at_exit);
  finish ();
  return 1;
}
// { dg-output "^atexit: locked 1\ndestructor: locked 1\n$" }
