/* A function that reads or writes a protected variable without holding
   its key gets a warning at the access, with a fix-it hint that grants the
   key; none for granting functions, for taking an address, or for reading
   a readonly key.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("vault")));
int table[4] __attribute__ ((pkey ("vault")));
int limit __attribute__ ((pkey ("conf", "readonly")));

int
leak (void)
{
  return secret;	/* { dg-warning "'leak' reads 'secret' without holding its key 'vault': the access faults unless a caller holds it" } */
}

void
poke (int v)
{
  table[2] = v;	/* { dg-warning "'poke' writes 'table' without holding its key 'vault'" } */
}

void
raise_limit (void)
{
  limit = 5;	/* { dg-warning "'raise_limit' writes 'limit' without holding its key 'conf'" } */
}

__attribute__ ((pkey ("vault", "read"))) void
reader_writes (void)
{
  secret = 1;	/* { dg-warning "'reader_writes' writes 'secret' but holds key 'vault' for reading only" } */
}

int *
address (void)
{
  return &secret;	/* { dg-bogus "warning" } */
}

int
read_limit (void)
{
  return limit;	/* { dg-bogus "warning" } */
}

__attribute__ ((pkey ("vault"))) int
granted (void)
{
  return secret + table[1];	/* { dg-bogus "warning" } */
}
