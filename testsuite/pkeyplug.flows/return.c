/* A granting function that returns protected data, or the address of a
   protected object, to its caller lets it out of the grant: warned at
   the return.  So is the address stored in unprotected memory.  Not
   warned: a static granting function that only grants of the key call
   (its caller is the one that returns), a helper that returns the data to
   its granting caller, the address of a readonly key's object.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } */

#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault");
static int limit PKEY_PROTECT_READONLY ("conf");
unsigned char *where;
const int *where_limit;

PKEY_GRANT ("vault") int
get (int i)
{
  return master_key[i];		/* { dg-warning "protected data of key 'vault' is returned by granting function 'get'" } */
  /* { dg-message "loaded from 'master_key' here" "" { target *-*-* } .-1 } */
}

PKEY_GRANT ("vault") unsigned char *
address (void)
{
  return master_key;		/* { dg-warning "the address of 'master_key', protected by key 'vault', is returned by granting function 'address'" } */
}

PKEY_GRANT ("vault") void
publish (void)
{
  where = master_key + 4;	/* { dg-warning "the address of 'master_key', protected by key 'vault', is stored in unprotected memory" } */
}

PKEY_GRANT ("vault") static int
inner (int i)
{
  return master_key[i];		/* { dg-bogus "returned" } */
}

static int
helper (int i)
{
  return master_key[i] ^ 1;	/* { dg-bogus "returned" } */
}

PKEY_GRANT ("vault") int
check (int i)
{
  return (inner (i) == 3) + (helper (i) == 2);	/* { dg-bogus "returned" } */
}

PKEY_GRANT ("vault") int
relay (int i)
{
  return inner (i);		/* { dg-warning "protected data of key 'vault' is returned by granting function 'relay'" } */
}

void
share (void)
{
  where_limit = &limit;		/* { dg-bogus "address" } */
}
