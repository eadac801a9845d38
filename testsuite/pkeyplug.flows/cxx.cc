// The flow warnings in C++: struct copies, std::memcpy, members, a
// helper of the unit, pkeyplug_declassify.
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
};

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
