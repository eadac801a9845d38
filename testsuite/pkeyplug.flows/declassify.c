/* pkeyplug_declassify (X) says that X may leave: no warning for what
   goes out through X afterwards, in its function.  The same copies
   without it are warned.  */
/* { dg-do compile } */

#include <stdio.h>
#include <string.h>
#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault");
unsigned char public_half[16];

PKEY_GRANT ("vault") void
release (FILE *f)
{
  unsigned char buf[16];
  memcpy (buf, master_key + 16, 16);
  pkeyplug_declassify (buf);
  memcpy (public_half, buf, 16);	/* { dg-bogus "copied" } */
  fwrite (buf, 1, 16, f);	/* { dg-bogus "written out" } */
}

PKEY_GRANT ("vault") void
release_byte (void)
{
  unsigned char b = master_key[0];
  pkeyplug_declassify (b);
  printf ("%d\n", b);		/* { dg-bogus "written out" } */
}

PKEY_GRANT ("vault") void
leak (FILE *f)
{
  unsigned char buf[16];
  memcpy (buf, master_key + 16, 16);
  memcpy (public_half, buf, 16);	/* { dg-warning "protected data of key 'vault' is copied to unprotected memory" } */
  fwrite (buf, 1, 16, f);	/* { dg-warning "protected data of key 'vault' is written out by 'fwrite'" } */
}
