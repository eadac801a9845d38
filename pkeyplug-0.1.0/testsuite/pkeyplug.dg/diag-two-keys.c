/* One object, one key; one key, one policy per unit.  */
/* { dg-do compile } */

int a __attribute__ ((pkey ("k1"), pkey ("k2")));	/* { dg-error "variable 'a' protected by two keys, 'k1' and 'k2'" } */
int b __attribute__ ((pkey ("k1"), pkey ("k1")));	/* { dg-bogus "error" } */
int c __attribute__ ((pkey ("pol")));	/* { dg-message "key 'pol' first declared 'noaccess' here" } */
int d __attribute__ ((pkey ("pol", "readonly")));	/* { dg-error "key 'pol' declared 'readonly' here but 'noaccess' elsewhere in this translation unit" } */
int e __attribute__ ((pkey ("first")));	/* { dg-message "previous declaration of 'e'" } */
extern int e __attribute__ ((pkey ("second")));	/* { dg-error "'e' declared with key 'second' here but with key 'first' before" } */
int f __attribute__ ((pkey ("same")));
extern int f __attribute__ ((pkey ("same")));	/* { dg-bogus "error" } */
int g __attribute__ ((pkey ("k")));	/* { dg-message "previous declaration of 'g'" } */
extern int g;	/* { dg-error "'g' declared without a key here but with key 'k' before: every declaration of a protected variable must name its key" } */
extern int h;	/* { dg-message "previous declaration of 'h'" } */
int h __attribute__ ((pkey ("k")));	/* { dg-error "'h' declared with key 'k' here but without a key before" } */
