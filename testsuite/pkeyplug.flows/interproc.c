/* Function summaries: a granting function that passes the secret (by
   value, or a pointer to it) to a static helper that copies it to a
   global or writes it out is warned at the call, with a note at the
   helper's sink; through two helpers too.  A helper that only puts the
   data back where its pointer points (as probe.h does) is not a sink;
   nor is a helper that keeps the data inside the key.  A static helper
   that fills the buffer its caller gives it is judged at each call: a
   local buffer of the grant is fine (and holds the data afterwards), a
   global is not.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } */

#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault");
static unsigned char spare[32] PKEY_PROTECT ("vault");
unsigned char log_buf[32];
unsigned char log_buf2[32];
int last;

static void
save (const unsigned char *k)
{
  memcpy (log_buf, k, 32);	/* { dg-message "copied to unprotected memory here" } */
}

static void
record (int v)
{
  last = v;			/* { dg-message "copied to unprotected memory here" } */
}

static void
show (int v)
{
  printf ("%d\n", v);		/* { dg-message "written out by 'printf' here" } */
}

static void
relay (int v)
{
  show (v + 0);
}

static int
touch (volatile unsigned char *p)
{
  unsigned char v = *p;
  *p = v;
  return 1;
}

static void
keep (const unsigned char *k)
{
  memcpy (spare, k, 32);
}

PKEY_GRANT ("vault") void
grant (void)
{
  save (master_key);		/* { dg-warning "protected data of key 'vault' is passed to 'save', which copies it to unprotected memory" } */
  /* { dg-message "loaded from 'master_key' here" "" { target *-*-* } .-1 } */
  record (master_key[1]);	/* { dg-warning "protected data of key 'vault' is passed to 'record', which copies it to unprotected memory" } */
  relay (master_key[2]);	/* { dg-warning "protected data of key 'vault' is passed to 'relay', which writes it out" } */
  touch (master_key);		/* { dg-bogus "passed to" } */
  keep (master_key);		/* { dg-bogus "passed to" } */
}

static void
fill (unsigned char *out)
{
  memcpy (out, master_key, 32);	/* { dg-bogus "copied" } */
}

static void
fill_twice (unsigned char *out)
{
  fill (out);			/* { dg-bogus "copied" } */
}

PKEY_GRANT ("vault") void
use_fill (void)
{
  unsigned char buf[32];
  fill (buf);			/* { dg-bogus "copied" } */
  fill_twice (log_buf);		/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  memcpy (log_buf2, buf, 32);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
}
