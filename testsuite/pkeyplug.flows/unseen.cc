// unseen.c in C++: protected data passed to a member function whose body
// the unit does not have (the object's own address, `this', included),
// to a virtual function (a call through a pointer), to std::memcmp and
// to names given to -fplugin-arg-pkeyplug-flows-keep, plain or mangled.
// { dg-do compile }
// { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no -fplugin-arg-pkeyplug-flows-keep=_ZN6hasher6updateEPKvm,absorb" }

#include <cstring>
#include <pkeyplug.h>

struct logger
{
  void log (const unsigned char *p);
};

struct hasher
{
  void update (const void *p, unsigned long n);
  void absorb (const void *p, unsigned long n);
  void print (const void *p, unsigned long n);
};

struct sink
{
  virtual void put (int b) = 0;
};

struct counter
{
  int n;
  void bump ();
};

extern logger audit_log;
extern sink *out;

static unsigned char master_key[32] PKEY_PROTECT ("vault");
static counter uses PKEY_PROTECT ("vault");
static const unsigned char zero[32] = { 0 };

PKEY_GRANT ("vault") void
leak ()
{
  audit_log.log (master_key);	// { dg-warning "protected data of key 'vault' is passed to 'void logger::log\\(const unsigned char\\*\\)', whose body the unit does not have" }
  // { dg-message "loaded from 'master_key' here" "" { target *-*-* } .-1 }
  out->put (master_key[0]);	// { dg-warning "protected data of key 'vault' is passed to a function called through a pointer" }
  uses.bump ();			// { dg-warning "protected data of key 'vault' is passed to 'void counter::bump\\(\\)'" }
  hasher h;
  h.print (master_key, 32);	// { dg-warning "protected data of key 'vault' is passed to 'void hasher::print" }
}

PKEY_GRANT ("vault") bool
keep ()
{
  hasher h;
  h.update (master_key, 32);	// { dg-bogus "passed to" }
  h.absorb (master_key, 32);	// { dg-bogus "passed to" }
  return std::memcmp (master_key, zero, 32) == 0;	// { dg-bogus "passed to" }
}
