/* With -fplugin-arg-pkeyplug-taint=derived, values computed from
   protected data are followed too (arithmetic, results of functions the
   unit cannot see): warned where they leave, "data computed from ...".
   derived-off.c is the same code without the argument: not warned.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-taint=derived" } */

#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

/* Pure: it keeps the key inside (flows-keep.cc); its result is a value
   computed from it.  */
extern unsigned int hash (const void *p, size_t n) __attribute__ ((pure));

static unsigned char master_key[32] PKEY_PROTECT ("vault");
unsigned int mac_out;
unsigned char digest_out[32];

PKEY_GRANT ("vault") unsigned int
mac (const char *msg)
{
  unsigned int h = 2166136261u;
  for (size_t i = 0; msg[i]; i++)
    h = (h ^ (unsigned char) msg[i] ^ master_key[i % 32]) * 16777619u;	/* { dg-message "loaded from 'master_key' here" } */
  mac_out = h;			/* { dg-warning "data computed from protected data of key 'vault' is copied to unprotected memory" } */
  return h;			/* { dg-warning "data computed from protected data of key 'vault' is returned by granting function 'mac'" } */
}

PKEY_GRANT ("vault") void
digest (void)
{
  unsigned char d[32];
  unsigned int x = hash (master_key, 32);
  printf ("%08x\n", x);		/* { dg-warning "data computed from protected data of key 'vault' is written out by 'printf'" } */
  for (int i = 0; i < 32; i++)
    d[i] = master_key[i] + 1;
  memcpy (digest_out, d, 32);	/* { dg-warning "data computed from protected data of key 'vault' is copied to unprotected memory" } */
}

static unsigned int
mac_of (const char *msg, const unsigned char *key)
{
  unsigned int h = 0;
  for (int i = 0; msg[i]; i++)
    h = h * 31 + (msg[i] ^ key[i % 32]);
  return h;
}

PKEY_GRANT ("vault") unsigned int
sign (const char *msg)
{
  unsigned int h = mac_of (msg, master_key);	/* { dg-message "loaded from 'master_key' here" } */
  return h;			/* { dg-warning "data computed from protected data of key 'vault' is returned by granting function 'sign'" } */
}

PKEY_GRANT ("vault") unsigned int
sign_declassified (const char *msg)
{
  unsigned int h = mac_of (msg, master_key);
  pkeyplug_declassify (h);
  return h;			/* { dg-bogus "returned" } */
}
