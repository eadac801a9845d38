/* longjmp.c again in a fully static program: the rights helpers the
   plugin calls weakly must come out of libpkeyrt.a.  */
/* { dg-do run } */
/* { dg-options "-static" } */

#include "longjmp.c"
