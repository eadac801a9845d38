// -fplugin-arg-pkeyplug-verbose in C++: the notes name members, templates
// and namespace-scope objects as the C++ front end prints them.
// { dg-do compile }
// { dg-options "-fplugin-arg-pkeyplug-verbose" }

namespace ns
{
  int secret [[gnu::pkey ("k")]];	// { dg-message "pkeyplug: 'ns::secret' protected by key 'k'" }
}

struct vault
{
  static int pin [[gnu::pkey ("k")]];
  [[gnu::pkey ("k")]] int read_pin () const;
};

int vault::pin [[gnu::pkey ("k")]] = 1;// { dg-message "pkeyplug: 'vault::pin' protected by key 'k'" }

int
vault::read_pin () const		// { dg-message "pkeyplug: 'int vault::read_pin\\(\\) const' grants read-write access to key 'k'" }
{
  return pin + ns::secret;
}

template <typename T>
[[gnu::pkey ("k", "read")]] T
peek ()					// { dg-message "pkeyplug: 'T peek\\(\\) \\\[with T = long int\\\]' grants read-only access to key 'k'" }
{
  return (T) ns::secret;
}

long
use ()
{
  return peek<long> () + vault ().read_pin ();
}
