/* derived.c without -fplugin-arg-pkeyplug-taint=derived: by default
   only copies of protected data are followed, since cryptographic output
   is meant to leave.  */
/* { dg-do compile } */

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
    h = (h ^ (unsigned char) msg[i] ^ master_key[i % 32]) * 16777619u;	/* { dg-bogus "computed from" } */
  mac_out = h;			/* { dg-bogus "computed from" } */
  return h;			/* { dg-bogus "computed from" } */
}

PKEY_GRANT ("vault") void
digest (void)
{
  unsigned char d[32];
  unsigned int x = hash (master_key, 32);
  printf ("%08x\n", x);		/* { dg-bogus "computed from" } */
  for (int i = 0; i < 32; i++)
    d[i] = master_key[i] + 1;
  memcpy (digest_out, d, 32);	/* { dg-bogus "computed from" } */
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
  unsigned int h = mac_of (msg, master_key);	/* { dg-bogus "computed from" } */
  return h;			/* { dg-bogus "computed from" } */
}

PKEY_GRANT ("vault") unsigned int
sign_declassified (const char *msg)
{
  unsigned int h = mac_of (msg, master_key);
  pkeyplug_declassify (h);
  return h;			/* { dg-bogus "returned" } */
}
