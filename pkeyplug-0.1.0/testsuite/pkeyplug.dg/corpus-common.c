/* The common attribute (the plugin keeps the object out of common).  */
/* { dg-do compile } */
/* { dg-options "-Wall -fcommon" } */

int c __attribute__ ((pkey ("k"), common)); /* { dg-bogus "error|warning" } */
