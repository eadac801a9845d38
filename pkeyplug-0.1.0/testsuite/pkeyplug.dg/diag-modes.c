/* The second argument: a policy for variables, an access for functions.  */
/* { dg-do compile } */

int a __attribute__ ((pkey ("k", "rw")));	/* { dg-error "unknown policy 'rw' in 'pkey' attribute of a variable; expected 'noaccess' or 'readonly'" } */
int b __attribute__ ((pkey ("k", 1)));	/* { dg-error "second argument of 'pkey' attribute must be a string literal" } */
int c __attribute__ ((pkey ("k", "noaccess")));	/* { dg-bogus "error" } */
int d __attribute__ ((pkey ("r", "readonly")));	/* { dg-bogus "error" } */

__attribute__ ((pkey ("k", "write"))) void f (void) {}	/* { dg-error "unknown access 'write' in 'pkey' attribute of a function; expected 'read' or 'readwrite'" } */
__attribute__ ((pkey ("k", "read"))) void g (void) {}	/* { dg-bogus "error" } */
__attribute__ ((pkey ("k", "readwrite"))) void h (void) {}	/* { dg-bogus "error" } */
__attribute__ ((pkey ("k", "readonly"))) void i (void) {}	/* { dg-error "unknown access 'readonly'" } */
