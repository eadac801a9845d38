/* Protected data passed to output functions is warned at the call, with
   a note at the load: write, send, sendto, fwrite, fputs, puts, putchar,
   the printf family (GCC turns printf ("%s\n", S) into puts (S)) and
   syslog.  A pointer printed as an address (%p) is
   not its bytes; data that is not protected is not warned.  */
/* { dg-do compile } */

#include <stdio.h>
#include <unistd.h>
#include <syslog.h>
#include <sys/socket.h>
#include <pkeyplug.h>

static unsigned char master_key[32] PKEY_PROTECT ("vault");
static char password[16] PKEY_PROTECT ("vault");
static int pin PKEY_PROTECT ("vault");
static char banner[16] = "hello";

PKEY_GRANT ("vault") void
out (int fd, FILE *f)
{
  write (fd, master_key, 32);	/* { dg-warning "protected data of key 'vault' is written out by 'write'" } */
  /* { dg-message "loaded from 'master_key' here" "" { target *-*-* } .-1 } */
  send (fd, master_key, 32, 0);	/* { dg-warning "protected data of key 'vault' is written out by 'send'" } */
  sendto (fd, password, 16, 0, NULL, 0);	/* { dg-warning "protected data of key 'vault' is written out by 'sendto'" } */
  fwrite (master_key, 1, 32, f);	/* { dg-warning "protected data of key 'vault' is written out by 'fwrite'" } */
  fputs (password, f);		/* { dg-warning "protected data of key 'vault' is written out by 'fputs'" } */
  puts (password);		/* { dg-warning "protected data of key 'vault' is written out by 'puts'" } */
  putchar (master_key[0]);	/* { dg-warning "protected data of key 'vault' is written out by 'putchar'" } */
}

PKEY_GRANT ("vault") void
print (FILE *f)
{
  printf ("%02x\n", master_key[1]);	/* { dg-warning "protected data of key 'vault' is written out by 'printf'" } */
  /* { dg-message "loaded from 'master_key' here" "" { target *-*-* } .-1 } */
  fprintf (f, "%d\n", pin);	/* { dg-warning "protected data of key 'vault' is written out by 'fprintf'" } */
  printf ("%s\n", password);	/* { dg-warning "protected data of key 'vault' is written out by 'puts'" } */
  syslog (LOG_INFO, "pin %d", pin);	/* { dg-warning "protected data of key 'vault' is written out by 'syslog'" } */
}

PKEY_GRANT ("vault") void
fine (FILE *f)
{
  printf ("key at %p\n", (void *) master_key);	/* { dg-bogus "written out" } */
  fputs (banner, f);		/* { dg-bogus "written out" } */
  printf ("%d\n", (int) sizeof master_key);	/* { dg-bogus "written out" } */
}
