/* An enumeration constant.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

enum { A __attribute__ ((pkey ("k"))) }; /* { dg-error "'pkey' attribute applies only to variables with static storage and to functions" } */
