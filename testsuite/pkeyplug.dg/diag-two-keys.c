/* One object, one key; one key, one policy per unit.  */
/* { dg-do compile } */

int a __attribute__ ((pkey ("k1"), pkey ("k2")));	/* { dg-error "variable 'a' protected by two keys, 'k1' and 'k2'" } */
int b __attribute__ ((pkey ("k1"), pkey ("k1")));	/* { dg-bogus "error" } */
int c __attribute__ ((pkey ("pol")));	/* { dg-message "key 'pol' first declared 'noaccess' here" } */
int d __attribute__ ((pkey ("pol", "readonly")));	/* { dg-error "key 'pol' declared 'readonly' here but 'noaccess' elsewhere in this translation unit" } */
int e __attribute__ ((pkey ("first")));
extern int e __attribute__ ((pkey ("second")));	/* { dg-error "'e' is declared with two keys, 'first' and 'second'" } */
int f __attribute__ ((pkey ("same")));
extern int f __attribute__ ((pkey ("same")));	/* { dg-bogus "error" } */
