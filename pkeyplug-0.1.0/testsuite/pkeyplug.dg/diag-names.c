/* Key names: a narrow string literal matching [A-Za-z_][A-Za-z0-9_]*, at
   most 64 characters.  */
/* { dg-do compile } */

int a __attribute__ ((pkey (3)));	/* { dg-error "'pkey' attribute argument must be a string literal naming the key" } */
int b __attribute__ ((pkey ("")));	/* { dg-error "'pkey' attribute key name is empty" } */
int c __attribute__ ((pkey ("1abc")));	/* { dg-error "'pkey' attribute key name '1abc' is not an identifier" } */
int d __attribute__ ((pkey ("a-b")));	/* { dg-error "'pkey' attribute key name 'a-b' is not an identifier" } */
int e __attribute__ ((pkey ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));	/* { dg-error "is longer than 64 characters" } */
int f __attribute__ ((pkey (L"wide")));	/* { dg-error "'pkey' attribute argument must be a string literal naming the key" } */
int g __attribute__ ((pkey ("nul\0inside")));	/* { dg-error "'pkey' attribute argument must be a string literal naming the key" } */
int h __attribute__ ((pkey ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));	/* { dg-bogus "error" } 64 is fine */
int i __attribute__ ((pkey ("_Key_9")));	/* { dg-bogus "error" } */
int j __attribute__ ((pkey ("int")));	/* { dg-bogus "error" } a keyword is just a name */
