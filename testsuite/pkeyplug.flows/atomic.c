/* GCC's __atomic_ and __sync_ built-ins are loads and stores on the
   object their first argument points to, not functions whose body is
   elsewhere: atomics on a protected object are not warned (jansson's
   hash seed is set and read with them), the value an atomic load of it
   returns is protected data, and an atomic store of protected data into
   unprotected memory is a copy.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-pkeyplug-warn-unguarded=no" } */

#include <pkeyplug.h>

static unsigned seed PKEY_PROTECT ("vault");
static unsigned long counter PKEY_PROTECT ("vault");
unsigned leaked;
unsigned long gcount;

PKEY_GRANT ("vault") void
set_seed (unsigned v)
{
  __atomic_store_n (&seed, v, __ATOMIC_RELEASE);	/* { dg-bogus "protected data" } */
  __sync_fetch_and_add (&counter, 1);	/* { dg-bogus "protected data" } */
}

PKEY_GRANT ("vault") unsigned
hash (unsigned x)
{
  return x ^ __atomic_load_n (&seed, __ATOMIC_ACQUIRE);	/* { dg-bogus "protected data" } */
}

PKEY_GRANT ("vault") void
leak (void)
{
  __atomic_store_n (&leaked, __atomic_load_n (&seed, __ATOMIC_ACQUIRE), __ATOMIC_RELAXED);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  /* { dg-message "loaded from 'seed' here" "" { target *-*-* } .-1 } */
  unsigned long old;
  __atomic_load (&counter, &old, __ATOMIC_RELAXED);
  gcount = old;		/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
}
