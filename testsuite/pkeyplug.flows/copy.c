/* Direct copies of protected bytes into memory that does not carry
   their key are warned at the copy, with a note at the load: memcpy and
   friends, struct assignment, an element-by-element loop, a heap block
   from malloc or strdup, memory reached through a pointer parameter, an object of
   another key, a heap block of the key, a local that holds the data and
   whose address is stored in unprotected memory.  Copies into the key's own
   objects, into locals, and reads in a function that does not hold the
   key (which fault, and get the unguarded warning instead) are not.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } */

#include <stdlib.h>
#include <string.h>
#include <pkeyplug.h>

struct pair { int a, b; };

static unsigned char master_key[32] PKEY_PROTECT ("vault");
static struct pair spair PKEY_PROTECT ("vault");
static unsigned char spare[32] PKEY_PROTECT ("vault");
static unsigned char other_key[32] PKEY_PROTECT ("other");
static char name[16] PKEY_PROTECT ("vault");
unsigned char log_buf[64];
static char text[16];
struct pair gpair;
unsigned char gbyte;

PKEY_GRANT ("vault") void
copy_memcpy (void)
{
  memcpy (log_buf, master_key, 32);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  /* { dg-message "loaded from 'master_key' here" "" { target *-*-* } .-1 } */
  memmove (log_buf + 8, master_key + 4, 8);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  __builtin_memcpy (log_buf, master_key, 16);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  strcpy (text, name);		/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  strncpy (text, name, sizeof text);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
}

PKEY_GRANT ("vault") void
copy_struct (void)
{
  gpair = spair;		/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  /* { dg-message "loaded from 'spair' here" "" { target *-*-* } .-1 } */
}

PKEY_GRANT ("vault") void
copy_loop (void)
{
  for (int i = 0; i < 32; i++)
    log_buf[i] = master_key[i];	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
}

PKEY_GRANT ("vault") void
copy_scalar (void)
{
  unsigned char b = master_key[3];
  gbyte = b;			/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  /* { dg-message "loaded from 'master_key' here" "" { target *-*-* } .-2 } */
}

PKEY_GRANT ("vault") unsigned char *
copy_heap (void)
{
  unsigned char *p = (unsigned char *) malloc (32);
  if (p)
    memcpy (p, master_key, 32);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  return p;
}

PKEY_GRANT ("vault") char *
copy_strdup (int n)
{
  if (n)
    return strndup (name, n);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  return strdup (name);		/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
}

PKEY_GRANT ("vault") void
copy_out (unsigned char *out)
{
  for (int i = 0; i < 32; i++)
    out[i] = master_key[i];	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
}

PKEY_GRANT ("vault") PKEY_GRANT ("other") void
copy_cross (void)
{
  memcpy (other_key, master_key, 32);	/* { dg-warning "protected data of key 'vault' is copied to memory of key 'other'" } */
}

PKEY_GRANT ("vault") void
copy_key_heap (void)
{
  unsigned char *block = (unsigned char *) pkeyplug_malloc ("vault", 32);
  if (block)
    log_buf[0] = block[0];	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  /* { dg-message "loaded from a heap block of key 'vault' here" "" { target *-*-* } .-1 } */
}

PKEY_GRANT ("vault") void
copy_through_local (void)
{
  unsigned char buf[32];
  memcpy (buf, master_key, 32);	/* { dg-message "loaded from 'master_key' here" } */
  memcpy (log_buf, buf, 32);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
}

unsigned char *view;

PKEY_GRANT ("vault") void
copy_escape (void)
{
  unsigned char buf[32];
  memcpy (buf, master_key, 32);	/* { dg-message "loaded from 'master_key' here" } */
  view = buf;			/* { dg-warning "the address of 'buf', which holds protected data of key 'vault', is stored in unprotected memory" } */
  view = 0;
}

/* Not warned.  */

PKEY_GRANT ("vault") int
same_key (void)
{
  unsigned char buf[32];
  memcpy (spare, master_key, 32);	/* { dg-bogus "copied" } */
  memcpy (buf, master_key, 32);	/* { dg-bogus "copied" } */
  spare[0] = buf[1];		/* { dg-bogus "copied" } */
  unsigned char *block = (unsigned char *) pkeyplug_malloc ("vault", 32);
  if (block)
    memcpy (block, master_key, 32);	/* { dg-bogus "copied" } */
  memcpy (log_buf, text, 16);	/* { dg-bogus "copied" } */
  return 0;
}

void
no_key (void)
{
  memcpy (log_buf, master_key, 32);	/* { dg-bogus "copied" } */
}
