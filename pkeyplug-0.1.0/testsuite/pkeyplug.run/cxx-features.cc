// C++: member functions, templates and lambdas can be granting functions;
// static data members (the key on the declaration in the class and on the
// definition) and namespace-scope objects can be protected; the
// [[gnu::pkey]] spelling works.
// { dg-do run }

#include <cstdio>
#include "probe.h"
#include <pkeyplug.h>

namespace vault
{
  int counter PKEY_PROTECT ("vault") = 1;
}

struct wallet
{
  static long balance PKEY_PROTECT ("vault");
  PKEY_GRANT ("vault") long deposit (long n) { balance += n; return balance; }
  [[gnu::pkey ("vault", "read")]] long peek () const { return balance; }
};
long wallet::balance PKEY_PROTECT ("vault") = 100;

template <typename T>
PKEY_GRANT ("vault") T
scaled (T factor)
{
  return static_cast<T> (vault::counter) * factor;
}

int
main ()
{
  wallet w;
  long b = w.deposit (5);
  long p = w.peek ();
  double s = scaled (2.5);
  auto bump = [] () PKEY_GRANT ("vault") { return ++vault::counter; };
  int c = bump ();
  std::printf ("balance %ld peek %ld scaled %.1f counter %d locked %d %d\n",
	       b, p, s, c, !CAN_READ (wallet::balance),
	       !CAN_READ (vault::counter));
  return !(b == 105 && p == 105 && c == 2 && !CAN_READ (wallet::balance)
	   && !CAN_READ (vault::counter));
}
// { dg-output "balance 105 peek 105 scaled 2.5 counter 2 locked 1 1" }
