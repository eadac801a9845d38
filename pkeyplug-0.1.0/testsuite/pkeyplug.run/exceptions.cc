// An exception thrown by a callee unwinds through a granting function:
// its exit gate runs, so the key is locked where the exception is caught.
// { dg-do run }

#include <cstdio>
#include <stdexcept>
#include "probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 5;

[[gnu::noinline]] static void
fail (int v)
{
  if (v > 0)
    throw std::runtime_error ("boom");
}

[[gnu::pkey ("vault")]] static int
granted ()
{
  fail (secret);
  return secret;
}

int
main ()
{
  int caught = 0;
  try
    {
      granted ();
    }
  catch (const std::exception &)
    {
      caught = 1;
    }
  std::printf ("caught %d, locked %d\n", caught, !CAN_READ (secret));
  return !(caught && !CAN_READ (secret));
}
// { dg-output "caught 1, locked 1" }
