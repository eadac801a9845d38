// The flow warnings in C++: struct copies, std::memcpy, members, a
// helper of the unit, a member function that returns the secret or its
// address, output through std::printf, pkeyplug_declassify.
// { dg-do compile }
// { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" }

#include <cstdio>
#include <cstring>
#include <pkeyplug.h>

struct creds { char user[8]; unsigned char key[16]; };

static creds vault_creds PKEY_PROTECT ("vault");
creds copy_of;
unsigned char key_copy[16];

namespace audit
{
  static void log (const unsigned char *p)
  {
    std::fwrite (p, 1, 16, stdout);	// { dg-message "written out by 'fwrite' here" }
  }
}

struct signer
{
  PKEY_GRANT ("vault") void backup ();
  PKEY_GRANT ("vault") void audit ();
  PKEY_GRANT ("vault") void release ();
  PKEY_GRANT ("vault") unsigned char peek (int i) const;
  PKEY_GRANT ("vault") const unsigned char *where () const;
  PKEY_GRANT ("vault") void show () const;
};

unsigned char
signer::peek (int i) const
{
  return vault_creds.key[i];	// { dg-warning "protected data of key 'vault' is returned by granting function 'unsigned char signer::peek\\(int\\) const'" }
}

const unsigned char *
signer::where () const
{
  return vault_creds.key;	// { dg-warning "the address of 'vault_creds', protected by key 'vault', is returned by granting function" }
}

void
signer::show () const
{
  std::printf ("%s\n", vault_creds.user);	// { dg-warning "protected data of key 'vault' is written out by 'puts'" }
  std::printf ("%d\n", vault_creds.key[0]);	// { dg-warning "protected data of key 'vault' is written out by 'printf'" }
}

void
signer::backup ()
{
  copy_of = vault_creds;	// { dg-warning "protected data of key 'vault' is copied to unprotected memory" }
  // { dg-message "loaded from 'vault_creds' here" "" { target *-*-* } .-1 }
  std::memcpy (key_copy, vault_creds.key, 16);	// { dg-warning "protected data of key 'vault' is copied to unprotected memory" }
}

void
signer::audit ()
{
  audit::log (vault_creds.key);	// { dg-warning "protected data of key 'vault' is passed to 'void audit::log\\(const unsigned char\\*\\)', which writes it out" }
}

void
signer::release ()
{
  unsigned char k[16];
  std::memcpy (k, vault_creds.key, 16);
  pkeyplug_declassify (k);
  std::memcpy (key_copy, k, 16);	// { dg-bogus "copied" }
}
