/* A protected pointer initialised with the address of data that is not
   protected: only the pointer is locked.  Warned, with a note that says
   how to protect the data; pointers to data of the same key, and
   pointers without an initialiser, are fine.  */
/* { dg-do compile } */

#include <pkeyplug.h>

static const char *token PKEY_PROTECT ("vault") = "abcdef";	/* { dg-warning "'token' is protected by key 'vault', but the string it points to is not: only the pointer is locked" } */
/* { dg-message "to protect the characters, declare an array under the key" "" { target *-*-* } .-1 } */
static int plain = 3;	/* { dg-message "to protect the data, put 'plain' under the key" } */
static int *pointer PKEY_PROTECT ("vault") = &plain;	/* { dg-warning "'pointer' is protected by key 'vault', but it points to 'plain', which is not" } */
static int other PKEY_PROTECT ("other") = 5;	/* { dg-message "put 'other' under the key" } */
static int *crossed PKEY_PROTECT ("vault") = &other;	/* { dg-warning "'crossed' is protected by key 'vault', but it points to 'other', which is not" } */
static const char *list[2] PKEY_PROTECT ("vault") = { "x", "y" };	/* { dg-warning "'list' is protected by key 'vault', but the string it points to is not" } */
/* { dg-message "declare an array" "" { target *-*-* } .-1 } */

static int guarded PKEY_PROTECT ("vault") = 4;
static int *fine PKEY_PROTECT ("vault") = &guarded;	/* { dg-bogus "points to" } */
static const char array[] PKEY_PROTECT ("vault") = "secret";	/* { dg-bogus "points to" } */
static const char *unset PKEY_PROTECT ("vault");	/* { dg-bogus "points to" } */
static const char *inside PKEY_PROTECT ("vault") = array + 2;	/* { dg-bogus "points to" } */

PKEY_GRANT ("vault") PKEY_GRANT ("other") int
use (void)
{
  return token[0] + *pointer + *crossed + list[0][0] + *fine + array[0]
	 + (unset != 0) + inside[0];
}
