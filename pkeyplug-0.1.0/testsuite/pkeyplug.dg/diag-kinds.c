/* The attribute belongs on variables and functions, nothing else.  */
/* { dg-do compile } */

typedef int secret_t __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute does not apply to types; put it on a variable or a function" } */

struct s
{
  int field __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute on field 'field': protect the whole variable instead" } */
};

struct __attribute__ ((pkey ("k"))) t { int x; };	/* { dg-error "'pkey' attribute does not apply to types" } */

int
f (void)
{
 lab: __attribute__ ((pkey ("k")));	/* { dg-error "'pkey' attribute does not apply to labels" } */
  goto lab;
}
