/* report=continue-in-emulate: every violation is reported and the program
   goes on; the access itself happens (a read gets the value, a write
   lands), and the pages are locked again right after it.  A string
   instruction that runs over three protected pages is one violation, one
   report.  mode=emulate, so that this runs the same on every board.  */
/* { dg-do run } */
/* { dg-env PKEYPLUG_OPTIONS "mode=emulate,report=continue-in-emulate" } */
/* { dg-options "-rdynamic" } so that the reports name the functions */

#include <stdio.h>
#include <string.h>
#include "probe.h"
#include "expect.h"
#include <pkeyplug.h>

#define PAGES 3

int secret PKEY_PROTECT ("vault") = 42;
unsigned char big[PAGES * 4096] PKEY_PROTECT ("vault");
static unsigned char copy[PAGES * 4096];

PKEY_GRANT ("vault") static void
fill (unsigned char *p)
{
  memset (big, 7, sizeof big);
  for (int i = 0; i < 32; i++)
    p[i] = (unsigned char) i;
}

PKEY_GRANT ("vault") static int
get (void)
{
  return secret;
}

int __attribute__ ((noinline))
stray_read (volatile int *p)
{
  return *p;
}

void __attribute__ ((noinline))
stray_write (volatile int *p, int v)
{
  *p = v;
}

void __attribute__ ((noinline))
stray_copy (void *dst, const void *src, size_t n)
{
  __asm__ __volatile__ ("rep movsb"
			: "+D" (dst), "+S" (src), "+c" (n) : : "memory");
}

int
main (void)
{
  unsigned char *heap = pkeyplug_malloc ("vault", 32);

  fill (heap);
  printf ("read %d\n", stray_read (&secret));
  fflush (stdout);
  expect (!CAN_READ (secret), "locked after the read");
  stray_write (&secret, 43);
  expect (!CAN_READ (secret), "locked after the write");
  expect (get () == 43, "the write landed");
  printf ("heap %d\n", stray_read ((volatile int *) (heap + 16)));
  fflush (stdout);
  expect (!CAN_READ (heap[16]), "heap block locked again");
  stray_copy (copy, big, sizeof big);
  expect (copy[0] == 7 && copy[sizeof copy - 1] == 7, "copied all pages");
  expect (!CAN_READ (big[0]) && !CAN_READ (big[4096])
	  && !CAN_READ (big[2 * 4096]), "every page locked again");
  printf ("done, failures %d\n", failures);
  return failures;
}
/* { dg-output "^pkeyplug: protection violation: read of 'secret' at offset 0 \\(object of 4 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(emulated, mprotect\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in stray_read\\+0x\[0-9a-f\]+ \\(\[^\n\]*\\)\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
/* { dg-output "pkeyplug:   'secret' is defined at \[^\n\]*report-continue.c:\[0-9\]+\n" } */
/* { dg-output "pkeyplug:   continuing \\(report=continue-in-emulate\\)\n" } */
/* { dg-output "read 42\n" } */
/* { dg-output "pkeyplug: protection violation: write to 'secret' at offset 0 \\(object of 4 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(emulated, mprotect\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in stray_write\\+0x\[0-9a-f\]+ \\(\[^\n\]*\\)\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
/* { dg-output "pkeyplug:   'secret' is defined at \[^\n\]*\n" } */
/* { dg-output "pkeyplug:   continuing \\(report=continue-in-emulate\\)\n" } */
/* { dg-output "pkeyplug: protection violation: read of heap block of key 'vault' at offset 16 \\(block of 32 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(emulated, mprotect\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in stray_read\\+0x\[0-9a-f\]+ \\(\[^\n\]*\\)\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
/* { dg-output "pkeyplug:   continuing \\(report=continue-in-emulate\\)\n" } */
/* { dg-output "heap 319951120\n" } */
/* { dg-output "pkeyplug: protection violation: read of 'big' at offset 0 \\(object of 12288 bytes\\)\n" } */
/* { dg-output "pkeyplug:   key 'vault' \\(emulated, mprotect\\)\n" } */
/* { dg-output "pkeyplug:   at 0x\[0-9a-f\]+ in stray_copy\\+0x\[0-9a-f\]+ \\(\[^\n\]*\\)\n" } */
/* { dg-output "pkeyplug:   thread \[0-9\]+\n" } */
/* { dg-output "pkeyplug:   'big' is defined at \[^\n\]*\n" } */
/* { dg-output "pkeyplug:   continuing \\(report=continue-in-emulate\\)\n" } */
/* { dg-output "done, failures 0\n$" } */
