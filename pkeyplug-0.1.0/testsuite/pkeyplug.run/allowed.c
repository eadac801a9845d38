/* A granting function reads and writes its key's objects; initialised
   data, zero-initialised data and a struct all keep their values.  */
/* { dg-do run } */

#include <stdio.h>
#include <pkeyplug.h>

struct account { int id; long balance; };

static unsigned char key[16] PKEY_PROTECT ("vault") = "0123456789abcdef";
int zeroed[100] PKEY_PROTECT ("vault");
struct account acct PKEY_PROTECT ("vault") = { 7, 1000 };

PKEY_GRANT ("vault") static long
work (int n)
{
  for (int i = 0; i < 100; i++)
    zeroed[i] += i * n;
  acct.balance += zeroed[99];
  return key[3] + acct.balance + acct.id;
}

int
main (void)
{
  long a = work (1);
  long b = work (2);
  printf ("work: %ld %ld\n", a, b);
  return !(a == '3' + 1000 + 99 + 7 && b == '3' + 1000 + 99 + 297 + 7);
}
/* { dg-output "work: 1157 1454" } */
