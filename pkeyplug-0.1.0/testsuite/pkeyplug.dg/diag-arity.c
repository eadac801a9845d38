/* Wrong numbers of arguments.  */
/* { dg-do compile } */

int a __attribute__ ((pkey));	/* { dg-error "wrong number of arguments specified for 'pkey' attribute" } */
int b __attribute__ ((pkey ("k", "readonly", "extra")));	/* { dg-error "wrong number of arguments specified for 'pkey' attribute" } */
