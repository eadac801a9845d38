/* The rest of libpkeyrt's exported functions (nm -D --defined-only),
   called by the attacker outside any grant with odd arguments, in hw
   mode with harden=1 and scan=1: the API that reports modes and keys,
   pkeyplug_calloc with a size that overflows, __pkeyplug_before_exit
   (it only locks), __pkeyplug_rights_save (it only writes the buffer it
   is given), and dlopen (it scans again).  None opens a key or changes
   PKRU; the secret stays locked and intact.  Tested elsewhere:
   __pkeyplug_register_unit, pkeyplug_malloc/realloc/free, the emulate
   gates, __pkeyplug_scrub_stack (export-*.c); __pkeyplug_rights_restore
   and exit (setjmp and exit's own tests); pthread_create (the thread
   tests); __libc_start_main starts the program.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS harden=1:scan=1 } */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>
#include <pkeyplug-abi.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

PKEY_GRANT ("vault") static int
intact (void)
{
  return strcmp (secret, "s3cret") == 0;
}

int
main (void)
{
  unsigned char rights[PKEYPLUG_RIGHTS_SIZE];
  char longname[200];
  unsigned int pkru = probe_rdpkru ();
  volatile size_t half = SIZE_MAX / 2 + 1;
  void *p;

  memset (longname, 'a', sizeof longname - 1);
  longname[sizeof longname - 1] = '\0';
  printf ("mode %s, name of 99 %s\n", pkeyplug_mode_name (pkeyplug_mode ()),
	  pkeyplug_mode_name ((enum pkeyplug_mode) 99));
  printf ("key_of: NULL %d, '' %d, long %d\n", pkeyplug_key_of (NULL),
	  pkeyplug_key_of (""), pkeyplug_key_of (longname));
  printf ("key_mode: NULL %d, long %d; count %d\n",
	  (int) pkeyplug_key_mode (NULL), (int) pkeyplug_key_mode (longname),
	  pkeyplug_key_count ());
  errno = 0;
  p = pkeyplug_calloc ("vault", half, 2);
  printf ("calloc overflow: %s\n", p == NULL && errno == ENOMEM
				  ? "ENOMEM" : "a block");
  p = pkeyplug_calloc ("bad name", 1, 1);
  printf ("calloc bad name: %s\n", p == NULL && errno == EINVAL
				   ? "EINVAL" : "a block");
  __pkeyplug_rights_save (rights);
  __pkeyplug_before_exit ();
  printf ("dlopen NULL %d, missing %d\n", dlopen (NULL, RTLD_NOW) != NULL,
	  dlopen ("libpkeyplug-no-such.so", RTLD_NOW) != NULL);
  printf ("pkru unchanged %d, locked %d %d, intact %d\n",
	  probe_rdpkru () == pkru, !CAN_READ (secret[0]),
	  !CAN_WRITE (secret[0]), intact ());
  return 0;
}
/* { dg-output "mode hw, name of 99 unknown\n" } */
/* { dg-output "key_of: NULL -1, '' -1, long -1\n" } */
/* { dg-output "key_mode: NULL 0, long 0; count 1\n" } */
/* { dg-output "calloc overflow: ENOMEM\n" } */
/* { dg-output "calloc bad name: EINVAL\n" } */
/* { dg-output "dlopen NULL 1, missing 0\n" } */
/* { dg-output "pkru unchanged 1, locked 1 1, intact 1\n" } */
