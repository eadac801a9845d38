/* A call in tail position of a granting function stays a call: a jump
   would leave the function with the key open.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("vault")));
extern int helper (int);

__attribute__ ((pkey ("vault"))) int
granted (int x)
{
  return helper (x + 1);
}

int
plain (int x)
{
  return helper (x + 1);
}
/* { dg-final { scan-assembler-times "jmp\thelper" 1 } } only plain's */
/* { dg-final { scan-assembler "call\thelper" } } */
