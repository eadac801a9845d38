/* gates.c -- a program with several gates and two keys, which
   pkeyplug-scan must find clean.  Built by scan.exp, never run.  */

#include <pkeyplug.h>

int alpha PKEY_PROTECT ("alpha") = 1;
int beta PKEY_PROTECT ("beta") = 2;
static int counter PKEY_PROTECT ("alpha");

PKEY_GRANT ("alpha") int
read_alpha (void)
{
  return alpha;
}

PKEY_GRANT_READ ("beta") int
read_beta (void)
{
  return beta;
}

PKEY_GRANT ("alpha") PKEY_GRANT ("beta") void
swap (void)
{
  int t = alpha;
  alpha = beta;
  beta = t;
  counter++;
}

PKEY_GRANT ("alpha") static int __attribute__ ((noinline))
count (int n)
{
  counter += n;
  return counter;
}

int
main (int argc, char **argv)
{
  (void) argv;
  swap ();
  return read_alpha () + read_beta () + count (argc) != 4;
}
