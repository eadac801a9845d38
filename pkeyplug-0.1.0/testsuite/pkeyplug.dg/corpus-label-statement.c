/* The attribute on a label, on an empty statement, on a typedef and on a
   function-pointer parameter: each a located error (or GCC's own warning
   for the empty declaration), never a crash.  */
/* { dg-do compile } */

int secret __attribute__ ((pkey ("k")));

__attribute__ ((pkey ("k"))) int
f (int x)
{
 here: __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute does not apply to labels" } */
  if (x)
    goto here;
  __attribute__ ((pkey ("k"))) ;	/* { dg-warning "empty declaration" } */
  return secret;
}

typedef int keyed_int __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute does not apply to types; put it on a variable or a function" } */
int g (int (*p) (int) __attribute__ ((pkey ("k"))));	/* { dg-error "'pkey' attribute on parameter 'p': only variables with static storage can be protected" } */
