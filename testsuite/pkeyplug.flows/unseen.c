/* Protected data, or its address, passed to a function whose body the
   unit does not have is warned at the call ("passed to 'f', whose body
   the unit does not have"), with a note at the load: that function reads
   it while the key is open and may copy it anywhere.  So is a call
   through a pointer, which may point anywhere.  Not warned: a function
   known to keep the data inside (flows-keep.cc): const or pure ones
   (memcmp, strlen, a pure hash), memset, explicit_bzero and friends,
   the runtime's pkeyplug_* functions, one that grants the same key in
   its declaration, those named by -fplugin-arg-pkeyplug-flows-keep; nor
   a declassified object, nor data that is not protected, nor a function
   that cannot read the key.  Through a static helper of the unit, the
   call of the helper is warned, with a note at the helper's call.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no -fplugin-arg-pkeyplug-flows-keep=sha_update,sha_final" } */

#include <stdlib.h>
#include <string.h>
#include <pkeyplug.h>

extern void log_key (const unsigned char *p);
extern void send_byte (int b);
extern void stash (void *p);
extern unsigned int crc (const void *p, size_t n) __attribute__ ((pure));
extern void sha_update (void *ctx, const void *p, size_t n);
extern void sha_final (void *ctx, unsigned char *out);
PKEY_GRANT ("vault") void seal_with (const unsigned char *k);
PKEY_GRANT ("door") void open_with (const unsigned char *k);
extern void (*hook) (const unsigned char *p);

static unsigned char master_key[32] PKEY_PROTECT ("vault");
static int token PKEY_PROTECT ("vault");
static unsigned char banner[32] = "hello";
unsigned int sum;

PKEY_GRANT ("vault") void
leak (void)
{
  unsigned char copy[32];
  log_key (master_key);		/* { dg-warning "protected data of key 'vault' is passed to 'log_key', whose body the unit does not have" } */
  /* { dg-message "loaded from 'master_key' here" "" { target *-*-* } .-1 } */
  send_byte (master_key[3]);	/* { dg-warning "protected data of key 'vault' is passed to 'send_byte'" } */
  stash (&token);		/* { dg-warning "protected data of key 'vault' is passed to 'stash'" } */
  memcpy (copy, master_key, 32);
  log_key (copy);		/* { dg-warning "protected data of key 'vault' is passed to 'log_key'" } */
  hook (master_key);		/* { dg-warning "protected data of key 'vault' is passed to a function called through a pointer" } */
  open_with (master_key);	/* { dg-warning "protected data of key 'vault' is passed to 'open_with'" } */
}

PKEY_GRANT ("vault") void
keep (void)
{
  unsigned char ctx[64], copy[32], tmp[32];
  if (memcmp (master_key, banner, 32) == 0)	/* { dg-bogus "passed to" } */
    sum = strlen ((const char *) master_key);	/* { dg-bogus "passed to" } */
  sum += crc (master_key, 32);	/* { dg-bogus "passed to" } */
  sha_update (ctx, master_key, 32);	/* { dg-bogus "passed to" } */
  sha_final (ctx, master_key);	/* { dg-bogus "passed to" } */
  seal_with (master_key);	/* { dg-bogus "passed to" } */
  log_key (banner);		/* { dg-bogus "passed to" } */
  memcpy (copy, master_key, 32);
  pkeyplug_declassify (copy);
  log_key (copy);		/* { dg-bogus "passed to" } */
  memset (master_key, 0, 32);	/* { dg-bogus "passed to" } */
  memcpy (tmp, master_key, 32);
  explicit_bzero (tmp, 32);	/* { dg-bogus "passed to" } */
}

PKEY_GRANT ("session") void
session (void)
{
  unsigned char *s = pkeyplug_malloc ("session", 32);
  stash (s);			/* { dg-warning "protected data of key 'session' is passed to 'stash'" } */
  /* { dg-message "loaded from a heap block of key 'session' here" "" { target *-*-* } .-1 } */
  pkeyplug_free (s);		/* { dg-bogus "passed to" } */
}

static void
pass_on (const unsigned char *k)
{
  log_key (k);			/* { dg-message "passed to 'log_key' here, whose body the unit does not have" } */
}

PKEY_GRANT ("vault") void
through_helper (void)
{
  pass_on (master_key);		/* { dg-warning "protected data of key 'vault' is passed to 'pass_on', which passes it to a function the unit cannot see" } */
}

/* Without the key the read faults (the unguarded warning, turned off
   here, says so): no source, nothing passed.  */
void
outside (void)
{
  log_key (master_key);		/* { dg-bogus "passed to" } */
}
