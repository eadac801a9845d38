/* A protected object gets a section of its own: a user section conflicts,
   whichever attribute comes first.  */
/* { dg-do compile } */

int a __attribute__ ((section ("mine"), pkey ("k")));	/* { dg-error "'pkey' attribute conflicts with the 'section' attribute of 'a'" } */
int b __attribute__ ((pkey ("k"), section ("mine")));	/* { dg-error "'pkey' attribute conflicts with section 'mine' of 'b'" } */
