/* Attack: rewrite the rights a live setjmp saved, then longjmp.  The
   plugin saves the thread's PKRU in the setjmp caller's frame, ordinary
   stack memory.  The attacker, outside every grant, finds that save area
   (the mode word of hw mode followed by the PKRU value it can read
   itself), writes a PKRU value that opens every key, and longjmps: the
   restore after setjmp must not open anything.  Before it only closed,
   it wrote the saved value back as it was and opened both keys.  */
/* { dg-do run } */
/* { dg-require-pku "" } */

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

int secret PKEY_PROTECT ("vault") = 1;
int other PKEY_PROTECT ("other") = 2;
static jmp_buf env;
static unsigned char *frame_top;

/* Every {hw mode, PKRU} pair between here and the top of main's frame
   gets PKRU 0: every key open.  */
static int __attribute__ ((noinline))
rewrite_save_areas (unsigned int pkru)
{
  volatile unsigned int *p
    = (unsigned int *) ((uintptr_t) __builtin_frame_address (0) & ~3ul);
  int found = 0;

  for (; (unsigned char *) (p + 2) <= frame_top; p++)
    if (p[0] == PKEYPLUG_MODE_HW && p[1] == pkru)
      {
	p[1] = 0;
	found++;
      }
  return found;
}

static int found;

static void __attribute__ ((noinline))
attack (unsigned int pkru)
{
  found = rewrite_save_areas (pkru);
  longjmp (env, 1);
}

int
main (void)
{
  unsigned int pkru = probe_rdpkru ();

  frame_top = (unsigned char *) __builtin_frame_address (0) + 64;
  if (setjmp (env) == 0)
    attack (pkru);
  printf ("save area found %d; after longjmp vault %d other %d\n",
	  found > 0, CAN_READ (secret), CAN_READ (other));
  return 0;
}
/* { dg-output "save area found 1; after longjmp vault 0 other 0\n" } */
